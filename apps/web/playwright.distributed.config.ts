import { defineConfig } from '@playwright/test';
import { join, resolve } from 'node:path';
import base from './playwright.config';

// The web app once against the distributed mode: the three services on Kafka, PostgreSQL and Keycloak
// (deploy/local, started by the script if needed), the web gateway in front, sign-in on Keycloak's login form.
const root = resolve(__dirname, '../..');
const webPort = Number(process.env.PMO_E2E_DISTRIBUTED_PORT ?? 3600);

export default defineConfig({
  ...base,
  testMatch: '**/*.distributed-e2e.ts',
  reporter: [['list'], ['json', { outputFile: join(root, '.pmo', 'test-results', 'web-distributed.json') }]],
  use: { ...base.use, baseURL: `http://127.0.0.1:${webPort}` },
  webServer: {
    command: `bash ${join(root, 'tools', 'start-distributed.sh')}`,
    cwd: root,
    url: `http://127.0.0.1:${webPort}/api/project/health/ready`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PMO_WEB_PORT: String(webPort),
      STRATEGIC_PMO_PORT: String(webPort + 1),
      PROGRAM_PMO_PORT: String(webPort + 2),
      PROJECT_PMO_PORT: String(webPort + 3),
    },
  },
});
