import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The production build that the gateway serves; in development, `vite --config apps/web/vite.config.mts`
// proxies /api, /config.json and /evaluation to an embedded platform on 127.0.0.1:3000.
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: {
      '@pmo/api-contracts/browser': here('../../libs/api-contracts/src/browser.ts'),
      '@pmo/contracts/compliance': here('../../libs/contracts/src/compliance/browser.ts'),
    },
  },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/config.json', '/evaluation'].map((path) => [path, 'http://127.0.0.1:3000'])),
  },
});
