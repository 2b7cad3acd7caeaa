import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Browser tests of the web app in Debian's Chromium (never a downloaded browser), against a fresh embedded
// platform that Playwright starts on its own ports and stops at the end.
const root = resolve(__dirname, '../..');
const webPort = Number(process.env.PMO_E2E_WEB_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${webPort}`;
const embeddedDir = process.env.PMO_E2E_EMBEDDED_DIR ?? mkdtempSync(join(tmpdir(), 'pmo-web-e2e-'));

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: join(root, '.pmo', 'test-results', 'web-artifacts'),
  // One platform shared by the tests, two cores: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: join(root, '.pmo', 'test-results', 'web.json') }]],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.PMO_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node ${join(root, 'tools', 'start-embedded.mjs')}`,
    cwd: root,
    url: `${baseURL}/api/strategic/health/ready`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PMO_EMBEDDED_DIR: embeddedDir,
      PMO_WEB_PORT: String(webPort),
      STRATEGIC_PMO_PORT: String(webPort + 1),
      PROGRAM_PMO_PORT: String(webPort + 2),
      PROJECT_PMO_PORT: String(webPort + 3),
      PMO_EMBEDDED_DB_PORT: String(webPort + 4),
      PMO_CONTROLLABLE_CLOCK: 'true',
      PMO_LOG_LEVEL: 'warn',
    },
  },
});
