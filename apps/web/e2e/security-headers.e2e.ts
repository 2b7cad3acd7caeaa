import type { Page } from '@playwright/test';
import { call, expect, signInAs, test, tokenFor, unique, watchPolicyViolations } from './fixtures';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** What the policy refused on one page, gathered after each step (a full load starts a new list in the page). */
class PolicyWatch {
  private readonly found = new Set<string>();

  private constructor(private readonly read: () => Promise<string[]>) {}

  static async on(page: Page): Promise<PolicyWatch> {
    return new PolicyWatch(await watchPolicyViolations(page));
  }

  /** Call once a step is drawn, and before the next full load. */
  async gather(step: string): Promise<void> {
    for (const v of await this.read()) this.found.add(`${step}: ${v}`);
  }

  get violations(): string[] {
    return [...this.found];
  }
}

/** Opens each path as a person would (a full load) and waits until it is drawn and its late work is done. */
async function visitAll(page: Page, watch: PolicyWatch, paths: { path: string; drawn: (page: Page) => Promise<void> }[]): Promise<void> {
  for (const { path, drawn } of paths) {
    await page.goto(path);
    await drawn(page);
    // Late work (charts, editors, lazy chunks) reports after the first paint.
    await page.waitForLoadState('networkidle');
    await watch.gather(path);
  }
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
};

test.describe('security headers', () => {
  test.describe.configure({ timeout: 300_000 });

  test('the pages carry a strict Content-Security-Policy and the usual headers; the APIs keep their own', async ({ request }) => {
    for (const path of ['/', '/catalog', '/projects/not-a-project']) {
      const response = await request.get(path);
      const headers = response.headers();
      const policy = headers['content-security-policy'];
      expect(policy, path).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('same-origin');
      expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    }
    // The embedded mode signs in on its own origin: nothing else to connect to.
    expect((await request.get('/')).headers()['content-security-policy']).toMatch(/connect-src 'self'(;|$)/);
    // Swagger UI, behind the gateway, needs its inline scripts: the services' answers pass unchanged.
    const docs = await request.get('/api/strategic/api/docs');
    expect(docs.ok()).toBe(true);
    expect(docs.headers()['content-security-policy'] ?? '').not.toContain("script-src 'self';");
  });

  test('no page of the strategic PMO is refused anything under the policy: charts, editors and grids included', async ({ page, request }) => {
    // A methodology draft with no playbook yet: its page opens the YAML editor (CodeMirror).
    const sam = await tokenFor(request, 'sam.strategic');
    const key = `csp-${unique()}`;
    const standard = await call<{ id: string }>(request, sam, 'POST', '/api/strategic/standards', {
      key,
      title: `Policy ${key}`,
      kind: 'methodology',
      owner: 'PMO',
    });
    await call(request, sam, 'POST', `/api/strategic/standards/${standard.id}/versions`, {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: day(1),
      adoptionDeadline: day(60),
      applicability: { scope: 'organisation' },
      requirements: [],
    });
    const ids = new Map<string, string>();
    for (const demo of ['status-reporting', 'migration-lifecycle']) {
      const page = await call<{ items: { id: string; key: string }[] }>(request, sam, 'GET', `/api/strategic/standards?q=${demo}`);
      ids.set(demo, page.items.find((s) => s.key === demo)?.id as string);
    }
    const idOf = (k: string) => ids.get(k) as string;
    const variances = await call<{ id: string }[]>(request, sam, 'GET', '/api/strategic/variances');

    const watch = await PolicyWatch.on(page);
    await signInAs(page, 'sam.strategic');
    await visitAll(page, watch, [
      { path: '/', drawn: heading('My work') },
      { path: '/catalog', drawn: heading('Catalog') },
      { path: `/standards/${idOf('status-reporting')}`, drawn: heading(/status-reporting|Status reporting/) },
      {
        path: `/standards/${idOf('migration-lifecycle')}/versions/1.0.0`,
        drawn: async (p) => {
          await expect(p.getByRole('region', { name: 'Playbook' }).getByRole('heading', { name: 'Phase 1' })).toBeVisible({ timeout: 30_000 });
        },
      },
      {
        path: `/standards/${standard.id}/versions/1.0.0`,
        drawn: async (p) => {
          await expect(p.getByRole('textbox', { name: 'Playbook YAML' })).toBeVisible({ timeout: 30_000 });
        },
      },
      { path: `/standards/${idOf('status-reporting')}/diff`, drawn: heading(/./) },
      { path: '/variances', drawn: heading('Variance queue') },
      ...(variances[0] ? [{ path: `/variances/${variances[0].id}`, drawn: heading(/^Variance/) }] : []),
      { path: '/feedback', drawn: heading(/Feedback/) },
      {
        path: '/portfolio',
        drawn: async (p) => {
          await expect(p.getByRole('img', { name: /heatmap/i })).toBeVisible({ timeout: 60_000 });
        },
      },
    ]);
    expect(watch.violations).toEqual([]);
  });

  test('no page of the program, project and audit offices is refused anything under the policy: the report form included', async ({ browser }) => {
    const program = await browser.newPage();
    const programWatch = await PolicyWatch.on(program);
    await signInAs(program, 'paula.program');
    await visitAll(program, programWatch, [
      { path: '/programs', drawn: async (p) => expect(p.getByRole('link', { name: 'Financial System Migration' })).toBeVisible({ timeout: 30_000 }) },
    ]);
    await program.getByRole('link', { name: 'Financial System Migration' }).click();
    await expect(program.getByRole('heading', { level: 1, name: /Financial System Migration/ })).toBeVisible({ timeout: 30_000 });
    await program.waitForLoadState('networkidle');
    await programWatch.gather('program page');

    const project = await browser.newPage();
    const projectWatch = await PolicyWatch.on(project);
    await signInAs(project, 'pete.project');
    await visitAll(project, projectWatch, [
      { path: '/projects', drawn: async (p) => expect(p.getByRole('link', { name: 'General Ledger Cut-over' })).toBeVisible({ timeout: 30_000 }) },
    ]);
    await project.getByRole('link', { name: 'General Ledger Cut-over' }).click();
    await project.getByRole('tab', { name: 'Status reports' }).click();
    // The form is drawn from the report format's JSON Schema (rjsf with its validator), then sent and refused.
    await project.getByRole('button', { name: 'Submit status report' }).click({ timeout: 30_000 });
    await expect(project.getByRole('alert').first()).toBeVisible({ timeout: 30_000 });
    await projectWatch.gather('status report form');

    const audit = await browser.newPage();
    const auditWatch = await PolicyWatch.on(audit);
    await signInAs(audit, 'ada.auditor');
    await visitAll(audit, auditWatch, [{ path: '/audit', drawn: heading('Audit') }]);
    await audit.getByRole('button', { name: 'Check the chains' }).click();
    await expect(audit.getByRole('group', { name: 'Strategic PMO chain' }).getByText('intact')).toBeVisible({ timeout: 60_000 });
    await auditWatch.gather('chain check');

    expect([...programWatch.violations, ...projectWatch.violations, ...auditWatch.violations]).toEqual([]);
  });
});
