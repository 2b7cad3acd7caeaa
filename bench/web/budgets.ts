/**
 * The web app's budgets, measured in Debian's Chromium against a fresh embedded platform:
 *   initial JavaScript  the gzipped JavaScript the first page loads (budget 300 KB), beside the same page's
 *                       total; the floor is the app's entry chunk alone;
 *   dashboard usable    from navigation to /portfolio until its heatmap and roll-up table are drawn (budget
 *                       1.5 s), with a portfolio of PROGRAMS × PROJECTS registered through the APIs first; the
 *                       floor is a navigation to a static file of the same origin in the same browser.
 * Not a test: it prints figures and their ratios, and writes bench/results/web-latest.md.
 *   npm run bench:web -- [programs=200] [projectsPerProgram=50] [runs=5]
 * With PMO_BENCH_WEB_BUILT=<programs>x<projects>x<standards>, the dashboard reads the portfolio that
 * `npm run bench:portfolio` built of that size (bench/web/built-portfolio.ts) instead of one registered here.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(__dirname, '../..');
const [programs, projectsPerProgram, runs] = [200, 50, 5].map((fallback, i) => Number(process.argv[2 + i] ?? fallback));
const port = Number(process.env.PMO_BENCH_WEB_PORT ?? 3700);
const base = `http://127.0.0.1:${port}`;
const BUDGET_JS_KB = 300;
const BUDGET_DASHBOARD_MS = 1500;
const built = process.env.PMO_BENCH_WEB_BUILT;

function startPlatform(): ChildProcess {
  const command = built ? ['-r', '@swc-node/register', join(root, 'bench', 'web', 'built-portfolio.ts')] : [join(root, 'tools', 'start-embedded.mjs')];
  return spawn(process.execPath, command, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PMO_EMBEDDED_DIR: mkdtempSync(join(tmpdir(), 'pmo-bench-web-')),
      PMO_WEB_PORT: String(port),
      STRATEGIC_PMO_PORT: String(port + 1),
      PROGRAM_PMO_PORT: String(port + 2),
      PROJECT_PMO_PORT: String(port + 3),
      PMO_EMBEDDED_DB_PORT: String(port + 4),
      PMO_LOG_LEVEL: 'warn',
    },
  });
}

async function waitUntilReady(): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    const ready = await fetch(`${base}/api/project/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the embedded platform did not become ready in 5 minutes');
}

async function tokenOf(username: string): Promise<string> {
  const response = await fetch(`${base}/evaluation/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function post(path: string, token: string, body: unknown): Promise<{ id: string }> {
  for (;;) {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status === 503 || response.status === 404) {
      // Busy, or the program has not reached project-pmo yet: its event is on the way.
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  }
}

/** Registers the portfolio through the public APIs, eight requests in flight. */
async function seedPortfolio(): Promise<number> {
  const started = Date.now();
  const token = await tokenOf('sam.strategic');
  const programIds: string[] = [];
  for (let p = 0; p < programs; p += 1) {
    const tags = p % 4 === 0 ? ['finance', 'regulated'] : p % 2 === 0 ? ['finance'] : ['hr'];
    programIds.push((await post('/api/program/programs', token, { name: `Bench program ${p}`, code: `bench-${p}`, tags })).id);
  }
  const jobs = programIds.flatMap((programId, p) =>
    Array.from(
      { length: projectsPerProgram },
      (_, j) => () =>
        post('/api/project/projects', token, {
          programId,
          name: `Bench project ${p}.${j}`,
          code: `bench-${p}-${j}`,
          phase: 'execution',
          percentComplete: j % 100,
        }),
    ),
  );
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) await job();
    }),
  );
  return Date.now() - started;
}

async function signIn(page: Page): Promise<void> {
  await page.goto(base);
  await page
    .getByRole('list', { name: 'Demo users' })
    .getByRole('button', { name: /^sam\.strategic/ })
    .click();
  await page.getByLabel('Signed in as').waitFor();
}

/**
 * Gzipped JavaScript loaded by the first page (the sign-in page), and by the time the first screen after
 * signing in (My work) is drawn, in KB; and the app's entry chunk alone.
 */
async function initialJavaScript(browser: Browser): Promise<{ signInKb: number; myWorkKb: number; entryKb: number }> {
  const page = await browser.newPage();
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.set(response.url(), gzipSync(await response.body()).length);
  });
  const total = () => [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
  await page.goto(base, { waitUntil: 'networkidle' });
  const signInKb = total();
  await page
    .getByRole('list', { name: 'Demo users' })
    .getByRole('button', { name: /^sam\.strategic/ })
    .click();
  await page.getByRole('heading', { name: 'My work' }).waitFor();
  await page.waitForLoadState('networkidle');
  const entry = [...scripts.entries()].find(([url]) => /\/assets\/index-[^/]+\.js$/.test(url))?.[1] ?? 0;
  const myWorkKb = total();
  await page.close();
  return { signInKb, myWorkKb, entryKb: entry / 1024 };
}

async function timeTo(page: Page, path: string, drawn: (page: Page) => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await page.goto(`${base}${path}`);
  await drawn(page);
  return Date.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const platform = startPlatform();
  const browser = await chromium.launch({
    executablePath: process.env.PMO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await waitUntilReady();
    const seedMs = built ? 0 : await seedPortfolio();
    const js = await initialJavaScript(browser);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page);
    const floor: number[] = [];
    const dashboard: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      floor.push(await timeTo(page, '/config.json', (p) => p.waitForLoadState('load')));
      dashboard.push(
        await timeTo(page, '/portfolio', async (p) => {
          await p.getByRole('img', { name: /heatmap/i }).waitFor({ timeout: 120_000 });
          await p.getByRole('grid').first().getByRole('row').nth(1).waitFor({ timeout: 120_000 });
        }),
      );
    }
    const lines = [
      `# Web budgets, ${new Date().toISOString().slice(0, 10)}`,
      '',
      built
        ? `Portfolio: the one \`npm run bench:portfolio\` built, ${built.replaceAll('x', ' × ')} (programs × projects × standards); ${runs} runs, medians.`
        : `Portfolio: ${programs} programs × ${projectsPerProgram} projects (registered in ${(seedMs / 1000).toFixed(0)} s); ${runs} runs, medians.`,
      '',
      '| figure | measured | floor | ratio to floor | budget | ratio to budget |',
      '| --- | --- | --- | --- | --- | --- |',
      `| initial JavaScript of the first page (sign-in), gzipped | ${js.signInKb.toFixed(1)} KB | ${js.entryKb.toFixed(1)} KB (entry chunk) | ${(js.signInKb / js.entryKb).toFixed(2)} | ${BUDGET_JS_KB} KB | ${(js.signInKb / BUDGET_JS_KB).toFixed(2)} |`,
      `| JavaScript once My work is drawn after sign-in, gzipped | ${js.myWorkKb.toFixed(1)} KB | ${js.entryKb.toFixed(1)} KB (entry chunk) | ${(js.myWorkKb / js.entryKb).toFixed(2)} | ${BUDGET_JS_KB} KB | ${(js.myWorkKb / BUDGET_JS_KB).toFixed(2)} |`,
      `| dashboard usable after navigation | ${median(dashboard)} ms | ${median(floor)} ms (static file) | ${(median(dashboard) / median(floor)).toFixed(1)} | ${BUDGET_DASHBOARD_MS} ms | ${(median(dashboard) / BUDGET_DASHBOARD_MS).toFixed(2)} |`,
      '',
      `Dashboard runs (ms): ${dashboard.join(', ')}; floor runs (ms): ${floor.join(', ')}.`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    writeFileSync(join(root, 'bench', 'results', 'web-latest.md'), lines.join('\n') + '\n');
  } finally {
    await browser.close();
    platform.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
