import { demoUsersFromRealm, issueDevToken, loadOrCreateDevKeyPair, type DemoUser } from '@pmo/auth';
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from '../eventually';
import { callApi } from '../http-client';
import { LOCAL_INFRASTRUCTURE } from '../infrastructure';
import { freePort, runTypeScript, waitUntilReady, type RunningProcess } from '../service-processes';
import { describeBadInput } from './bad-input.scenario';
import { describeCatalog } from './catalog.scenario';
import { describeOpenApiDrift } from './openapi-drift.scenario';
import { runAdoptionScenario } from './adoption.scenario';
import { runReportsScenario } from './reports.scenario';
import { runMetricsScenario } from './metrics.scenario';
import { runRegulatedFeedbackScenario } from './feedback.scenario';
import { runCloseoutScenario } from './closeout.scenario';
import { runCommitteeScenario } from './committee.scenario';
import { runRoadmapScenario } from './roadmap.scenario';
import { runVarianceScenario } from './variances.scenario';
import { runVarianceLifecycleScenario } from './variance-lifecycle.scenario';
import { runGovernanceRulesScenario } from './governance-rules.scenario';
import { runVarianceRenewalScenario } from './variance-renewal.scenario';
import { runGrandfatheringThresholdScenario } from './grandfathering-threshold.scenario';
import { expectReadModelsAgreeEverywhere } from './compliance-model.checks';
import { runBadPlaybookImport, runStandardsScenario } from './standards.scenario';
import { runWalkingSkeleton, type ServiceUrls } from './walking-skeleton.scenario';

// The embedded default, as `npm start` runs it: one process, in-process transport, embedded PostgreSQL,
// dev tokens signed by the local key. Its own state folder and free ports, so it never meets a running demo.
const urls: ServiceUrls = { strategic: '', program: '', project: '' };
const stateDir = mkdtempSync(join(tmpdir(), 'pmo-embedded-'));
let webUrl: string;
let platform: RunningProcess;
let token: string;
let demoProgramId: string;
let readyBeforeDemo: { status: number; body: unknown };
let portfolioWhenReady: { status: number; body: unknown };

beforeAll(async () => {
  const [strategicPort, programPort, projectPort] = [await freePort(), await freePort(), await freePort()];
  webUrl = `http://127.0.0.1:${await freePort()}`;
  Object.assign(urls, {
    strategic: `http://127.0.0.1:${strategicPort}`,
    program: `http://127.0.0.1:${programPort}`,
    project: `http://127.0.0.1:${projectPort}`,
  });
  platform = runTypeScript(
    'tools/embedded/main.ts',
    {
      PMO_CONTROLLABLE_CLOCK: 'true',
      PMO_EMBEDDED_DIR: stateDir,
      PMO_EMBEDDED_DB_PORT: String(await freePort()),
      STRATEGIC_PMO_PORT: String(strategicPort),
      PROGRAM_PMO_PORT: String(programPort),
      PROJECT_PMO_PORT: String(projectPort),
      PMO_WEB_PORT: new URL(webUrl).port,
    },
    'embedded-mode',
  );
  // The services answer before the demo is in; ready only once it is (strategic-pmo starts first, the demo last).
  await eventually(async () => expect((await fetch(`${urls.strategic}/health/live`)).status).toBe(200), 120_000, 100);
  readyBeforeDemo = await callApi('GET', `${urls.strategic}/health/ready`);
  await Promise.all(Object.values(urls).map((url) => waitUntilReady(url, 180_000)));
  const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
  const sam = users.find((u) => u.username === 'sam.strategic');
  if (!sam) throw new Error('demo user sam.strategic missing from the realm file');
  token = issueDevToken(sam, loadOrCreateDevKeyPair(join(stateDir, 'keys')), {
    keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
    realm: 'pmo',
    audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
  });
  portfolioWhenReady = await callApi('GET', `${urls.strategic}/portfolio/programs`, token);
});

/** A program manager of a fresh program group, with a dev token carrying the same claims as Keycloak's. */
function scopedProgramManager(): { programCode: string; programManager: string } {
  const programCode = `pm-${randomUUID().slice(0, 8)}`;
  const user = {
    username: `manager.${programCode}`,
    firstName: 'Scoped',
    lastName: 'Manager',
    email: `${programCode}@example.org`,
    roles: ['program-manager'],
    groups: [`program-${programCode}`],
  };
  return {
    programCode,
    programManager: issueDevToken(user, loadOrCreateDevKeyPair(join(stateDir, 'keys')), {
      keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
      realm: 'pmo',
      audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
    }),
  };
}

afterAll(async () => {
  if (platform && platform.child.exitCode === null) await platform.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('the embedded mode', () => {
  it('answers /health/ready on all three services with the database and the broker up and the demo loaded', async () => {
    for (const url of Object.values(urls)) {
      const ready = await callApi<{ status: string; details: Record<string, { status: string }> }>('GET', `${url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(ready.body.details).toEqual({ database: { status: 'up' }, broker: { status: 'up' }, 'demo-data': { status: 'up' } });
    }
  });

  it('is not ready while the demo loads, and has all of it once ready', () => {
    expect(readyBeforeDemo.status).toBe(503);
    expect((readyBeforeDemo.body as { message: string }).message).toBe('not ready: demo-data: the embedded demo data is still loading');
    expect(portfolioWhenReady.status).toBe(200);
    expect((portfolioWhenReady.body as { name: string; projectCount: number }[]).map((p) => [p.name, p.projectCount]).sort()).toEqual([
      // 9 open projects and the one closed with its review (tools/embedded/demo-closeout.ts).
      ['Financial System Migration', 10],
      ['Grants Management Modernisation', 5],
      ['HR Modernisation', 5],
      ['Regulated Payments Platform', 5],
    ]);
  });

  it('loads the demo portfolio: programs named after the seed documents, with their projects', async () => {
    // The demo data is loaded through the APIs once the services answer, so it arrives shortly after.
    const portfolio = await eventually(async () => {
      const answer = await callApi<{ programId: string; code: string; name: string; projectCount: number }[]>(
        'GET',
        `${urls.strategic}/portfolio/programs`,
        token,
      );
      expect(answer.status).toBe(200);
      expect(Object.fromEntries(answer.body.map((p) => [p.name, p.projectCount]))).toEqual({
        'Financial System Migration': 10,
        'HR Modernisation': 5,
        'Regulated Payments Platform': 5,
        'Grants Management Modernisation': 5,
      });
      return answer;
    });
    // With the codes of the demo users' Keycloak groups (program-fsm, …).
    expect(Object.fromEntries(portfolio.body.map((p) => [p.name, p.code]))).toEqual({
      'Financial System Migration': 'fsm',
      'HR Modernisation': 'hr',
      'Regulated Payments Platform': 'payments',
      'Grants Management Modernisation': 'grants',
    });
    const migration = portfolio.body.find((p) => p.name === 'Financial System Migration');
    demoProgramId = migration?.programId as string;
  });

  it('loads a realistic compliance picture: decisions in the finance programs, HR still waiting for its wave', async () => {
    const compliance = await eventually(async () => {
      const answer = await callApi<{ summary: { total: number; byState: Record<string, number> }; byProgram: Record<string, unknown> }>(
        'GET',
        `${urls.strategic}/portfolio/compliance?standard=status-reporting`,
        token,
      );
      expect(answer.body.summary.byState.grandfathered).toBeGreaterThan(0);
      expect(answer.body.summary.byState.tailored).toBeGreaterThan(0);
      return answer.body;
    });
    expect(compliance.summary.total).toBe(19); // the 9 + 5 + 5 open projects of the three finance programs; HR's wave opens later
    expect(compliance.summary.byState.pending).toBeGreaterThan(0);
    expect(Object.keys(compliance.byProgram)).toHaveLength(3);
  });

  it('loads priorities under the published priority policy: ranks with some history and one change asked for', async () => {
    type Ranking = { policy: { key: string } | null; entries: { lastChangedAt: string | null }[] };
    const changed = (ranking: Ranking) => ranking.entries.filter((e) => e.lastChangedAt !== null).length;
    const fsm = (await callApi<{ id: string; code: string }[]>('GET', `${urls.program}/programs`, token)).body.find((p) => p.code === 'fsm')?.id as string;
    // The demo changes two portfolio ranks and one rank in the fsm program, and asks for one more change.
    const portfolio = (await callApi<Ranking>('GET', `${urls.strategic}/priorities/portfolio`, token)).body;
    expect(portfolio.policy?.key).toBe('project-priority-policy');
    expect(changed(portfolio)).toBe(2);
    expect(changed((await callApi<Ranking>('GET', `${urls.strategic}/priorities/programs/${fsm}`, token)).body)).toBe(1);
    expect((await callApi<unknown[]>('GET', `${urls.strategic}/priorities/requests?state=pending`, token)).body).toHaveLength(1);
  });

  it('shows the regulated variant in force beside the organisation-wide version: 2.0.0 for the regulated program, 1.0.0 for the others', async () => {
    const programs = (await callApi<{ id: string; code: string }[]>('GET', `${urls.program}/programs`, token)).body;
    const inForce = async (code: string) => {
      const programId = programs.find((p) => p.code === code)?.id as string;
      const standards = await callApi<{ key: string; version: string; inForce: boolean }[]>('GET', `${urls.program}/programs/${programId}/standards`, token);
      return standards.body.filter((s) => s.key === 'status-reporting' && s.inForce).map((s) => s.version);
    };
    await eventually(async () => {
      expect(await inForce('payments')).toEqual(['2.0.0']);
      expect(await inForce('fsm')).toEqual(['1.0.0']);
    });
    const catalog = await callApi<{ items: { id: string; key: string }[] }>('GET', `${urls.strategic}/standards?q=status-reporting`, token);
    const reporting = catalog.body.items.find((s) => s.key === 'status-reporting')?.id as string;
    const { versions } = (await callApi<{ versions: { version: string; state: string }[] }>('GET', `${urls.strategic}/standards/${reporting}`, token)).body;
    expect(
      versions
        .filter((v) => v.state === 'published')
        .map((v) => v.version)
        .sort(),
    ).toEqual(['1.0.0', '2.0.0']);
  });

  it('loads variances in several states and triaged feedback', async () => {
    await eventually(async () => {
      const variances = await callApi<{ state: string }[]>('GET', `${urls.strategic}/variances`, token);
      // The expired one is replayed on moved clocks while the demo loads (tools/embedded/demo-variances.ts).
      expect(variances.body.map((v) => v.state).sort()).toEqual(['approved-with-conditions', 'expired', 'rejected', 'submitted']);
      const feedback = await callApi<{ state: string }[]>('GET', `${urls.strategic}/feedback`, token);
      // Triaged program feedback, and the closed project's lesson still waiting in the inbox.
      expect(feedback.body.map((f) => f.state).sort()).toEqual(['accepted', 'declined', 'submitted']);
    });
  });

  it('loads the strategic PMO’s build-out in progress: maturity rising between two assessments, two waves, the first under way', async () => {
    const trend = await callApi<{ elements: { element: string; points: { currentLevel: number }[] }[] }>(
      'GET',
      `${urls.strategic}/buildout/maturity-trend`,
      token,
    );
    expect(trend.body.elements.find((e) => e.element === 'methodology')?.points.map((p) => p.currentLevel)).toEqual([1, 3]);
    const roadmap = await callApi<{ waves: { progress: { percent: number }; offerings: unknown[] }[] }>('GET', `${urls.strategic}/buildout/roadmap`, token);
    expect(roadmap.body.waves.map((w) => [w.offerings.length, w.progress.percent])).toEqual([
      [3, 83],
      [2, 0],
    ]);
    const gaps = await callApi<{ element: string; closedBy: unknown[] }[]>('GET', `${urls.strategic}/buildout/gaps`, token);
    expect(gaps.body).toHaveLength(7);
    expect(gaps.body.every((g) => g.closedBy.length > 0)).toBe(true);
  });

  it('loads a closed project with its post-implementation review, one lesson of which went upward as feedback', async () => {
    const fsm = (await callApi<{ id: string; code: string }[]>('GET', `${urls.program}/programs`, token)).body.find((p) => p.code === 'fsm')?.id as string;
    const projects = (await callApi<{ projectId: string; name: string; closedAt: string | null }[]>('GET', `${urls.program}/programs/${fsm}/projects`, token))
      .body;
    const closed = projects.filter((p) => p.closedAt !== null);
    expect(closed.map((p) => [p.name, p.closedAt?.slice(0, 10)])).toEqual([
      ['Chart of Accounts Redesign', new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10)],
    ]);
    const review = await callApi<{ outcome: string; lessons: { id: string; category: string; feedbackId: string | null }[] }>(
      'GET',
      `${urls.project}/projects/${closed[0].projectId}/review`,
      token,
    );
    expect(review.body.outcome).toBe('delivered-with-changes');
    expect(review.body.lessons.map((l) => [l.category, l.feedbackId !== null])).toEqual([
      ['methodology', true],
      ['stakeholders', false],
    ]);
    const feedback = await eventually(async () => {
      const inbox = await callApi<{ id: string; state: string; originProjectId: string | null; originLessonId: string | null }[]>(
        'GET',
        `${urls.strategic}/feedback`,
        token,
      );
      const sent = inbox.body.find((f) => f.originProjectId === closed[0].projectId);
      expect(sent).toBeDefined();
      return sent as NonNullable<typeof sent>;
    });
    expect(feedback).toMatchObject({ state: 'submitted', originLessonId: review.body.lessons[0].id });
  });

  it('loads a steering committee with two past meetings, closed, with their decisions', async () => {
    const committees = await callApi<{ id: string; name: string }[]>('GET', `${urls.strategic}/committees`, token);
    expect(committees.body.map((c) => c.name)).toEqual(['Portfolio steering committee']);
    const committee = await callApi<{ meetings: { id: string; scheduledOn: string; state: string }[] }>(
      'GET',
      `${urls.strategic}/committees/${committees.body[0].id}`,
      token,
    );
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    expect(committee.body.meetings.map((m) => [m.scheduledOn, m.state])).toEqual([
      [daysAgo(14), 'closed'],
      [daysAgo(28), 'closed'],
    ]);
    const decisions = await Promise.all(
      committee.body.meetings.map(async (m) => {
        const meeting = await callApi<{ items: { decision: { outcome: string; decidedAt: string } | null }[] }>(
          'GET',
          `${urls.strategic}/committees/${committees.body[0].id}/meetings/${m.id}`,
          token,
        );
        return meeting.body.items.flatMap((i) => (i.decision ? [[i.decision.outcome, i.decision.decidedAt.slice(0, 10)]] : []));
      }),
    );
    expect(decisions).toEqual([[['accepted', daysAgo(14)]], [['deferred', daysAgo(28)]]]);
  });

  // Before any scenario below moves the clocks: the metrics read the 13 weeks up to now.
  it('shows a quarter of governance history in the metrics: the compliance trend moves, wave 1 is adopted over weeks, variances were decided on time and late', async () => {
    type Series = { id: string; label: string; points: { at: string; total: number; compliant: number; percentCompliant: number }[] };
    const trend = (await callApi<{ byStandard: Series[]; byProgram: Series[] }>('GET', `${urls.strategic}/portfolio/metrics/compliance-trend?weeks=13`, token))
      .body;
    const reporting = trend.byStandard.find((s) => s.id === 'status-reporting');
    if (!reporting) throw new Error('no compliance trend for status-reporting');
    expect(reporting.points).toHaveLength(13);
    // Published before the quarter's first week end, so its rows are there from the first point on, and move.
    const [first, last] = [reporting.points[0], reporting.points[12]];
    expect(first.total).toBeGreaterThan(0);
    expect(first.percentCompliant).not.toBe(last.percentCompliant);
    expect(new Set(reporting.points.map((p) => p.percentCompliant)).size).toBeGreaterThanOrEqual(3);
    // The series of the programs in wave 1 move too: each has rows at the first week end and changes afterwards
    // (HR's wave has not opened: nothing of it is adopted yet).
    const wave1Programs = ['Financial System Migration', 'Regulated Payments Platform', 'Grants Management Modernisation'];
    const finance = trend.byProgram.filter((s) => wave1Programs.includes(s.label));
    expect(finance).toHaveLength(3);
    for (const series of finance) {
      expect(series.points[0].total).toBeGreaterThan(0);
      expect(new Set(series.points.map((p) => p.percentCompliant)).size).toBeGreaterThan(1);
    }

    const waves = (
      await callApi<{ waves: { standardKey: string; wave: string; openedAt: string; inScope: number; points: { at: string; decided: number }[] }[] }>(
        'GET',
        `${urls.strategic}/portfolio/metrics/adoption-waves?weeks=13`,
        token,
      )
    ).body.waves;
    const wave1 = waves.find((w) => w.standardKey === 'status-reporting' && w.wave === 'wave 1: finance');
    if (!wave1) throw new Error('wave 1 of status-reporting has no burn-up');
    expect(Date.parse(wave1.openedAt)).toBeLessThan(Date.parse(wave1.points[0].at));
    const decided = wave1.points.map((p) => p.decided);
    // A burn-up: never down, rising over at least three weeks, never above the wave's scope.
    expect(decided).toEqual([...decided].sort((a, b) => a - b));
    expect(new Set(decided).size).toBeGreaterThanOrEqual(3);
    expect(decided[0]).toBeGreaterThan(0);
    expect(decided[12]).toBeLessThanOrEqual(wave1.inScope);
    // Waves opened at several dates over the quarter, not all on the day the demo was loaded.
    expect(new Set(waves.map((w) => w.openedAt.slice(0, 10))).size).toBeGreaterThanOrEqual(3);

    const variances = (
      await callApi<{ decided: number; onTime: number; weeks: { at: string; decided: number; onTime: number; medianDays: number | null }[] }>(
        'GET',
        `${urls.strategic}/portfolio/metrics/variance-decisions?weeks=13`,
        token,
      )
    ).body;
    expect(variances.onTime).toBeGreaterThanOrEqual(1);
    expect(variances.decided - variances.onTime).toBeGreaterThanOrEqual(1);
    const weeksWithDecisions = variances.weeks.filter((w) => w.decided > 0);
    expect(weeksWithDecisions.length).toBeGreaterThanOrEqual(3);
    expect(new Set(weeksWithDecisions.map((w) => w.medianDays)).size).toBeGreaterThan(1);
    // The decisions behind those figures, read from the cases: one after its due date, one within it.
    const cases = (
      await callApi<{ state: string; submittedAt: string; decisionDueOn: string; decidedAt: string | null }[]>('GET', `${urls.strategic}/variances`, token)
    ).body.filter((c) => c.decidedAt !== null);
    expect(cases.some((c) => (c.decidedAt as string).slice(0, 10) > c.decisionDueOn)).toBe(true);
    expect(cases.some((c) => (c.decidedAt as string).slice(0, 10) <= c.decisionDueOn)).toBe(true);
    expect(new Set(cases.map((c) => c.submittedAt.slice(0, 10))).size).toBe(cases.length);
  });

  it('serves the browser one origin: the sign-in configuration, the evaluation sign-in and the three APIs under /api/<service>', async () => {
    expect(await (await fetch(`${webUrl}/config.json`)).json()).toEqual({ mode: 'embedded' });
    const users = (await (await fetch(`${webUrl}/evaluation/users`)).json()) as { username: string }[];
    expect(users.map((u) => u.username)).toContain('paula.program');
    const unknown = await fetch(`${webUrl}/evaluation/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"mallory"}',
    });
    expect(unknown.status).toBe(404);
    const signIn = await fetch(`${webUrl}/evaluation/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"paula.program"}',
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const programs = await fetch(`${webUrl}/api/program/programs`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(programs.status).toBe(200);
    expect(((await programs.json()) as { code: string }[]).map((p) => p.code)).toEqual(['fsm']);
    expect((await fetch(`${webUrl}/api/strategic/standards`)).status).toBe(401);
  });

  it('serves the OpenAPI document without a token', async () => {
    const docs = await callApi<{ openapi: string; paths: Record<string, unknown> }>('GET', `${urls.program}/api/docs-json`);
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/programs', '/programs/{programId}/projects', '/health/ready']));
  });

  it('documents the variance endpoints of the three services in OpenAPI', async () => {
    const pathsOf = async (url: string) => Object.keys((await callApi<{ paths: Record<string, unknown> }>('GET', `${url}/api/docs-json`)).body.paths);
    expect(await pathsOf(urls.strategic)).toEqual(
      expect.arrayContaining([
        '/variances/{varianceId}/impact',
        '/variances/{varianceId}/conditions/{conditionId}/done',
        '/variances/{varianceId}/confirm',
        '/variances/{varianceId}/revoke',
        '/standards/{standardId}/variance-policy',
      ]),
    );
    expect(await pathsOf(urls.program)).toEqual(
      expect.arrayContaining([
        '/programs/{programId}/variances/{varianceId}/withdraw',
        '/programs/{programId}/variances/{varianceId}/revisions',
        '/programs/{programId}/variance-proposals',
        '/programs/{programId}/variance-proposals/{proposalId}/forward',
        '/programs/{programId}/variance-proposals/{proposalId}/reject',
        '/programs/{programId}/variance-notices',
      ]),
    );
    expect(await pathsOf(urls.project)).toEqual(expect.arrayContaining(['/projects/{projectId}/variance-proposals']));
  });

  it('runs the walking skeleton on the in-process transport', async () => {
    await runWalkingSkeleton(urls, token);
  });

  it('refuses a request without a token, and one signed by another key', async () => {
    expect((await callApi('GET', `${urls.program}/programs`)).status).toBe(401);
    const foreignKeys = loadOrCreateDevKeyPair(join(stateDir, 'foreign-keys'));
    const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
    const forged = issueDevToken(users[0], foreignKeys, { keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl, realm: 'pmo', audience: ['program-pmo'] });
    expect((await callApi('GET', `${urls.program}/programs`, forged)).status).toBe(401);
  });

  describe('npm run dev-token beside this instance', () => {
    // Not spawnSync: a blocked event loop misses the server closing idle keep-alive sockets, and the next fetch fails.
    const devToken = (args: string[], embeddedDir = stateDir) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
        const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/dev-token.ts', ...args], {
          cwd: resolve(__dirname, '../../../..'),
          env: { ...process.env, PMO_EMBEDDED_DIR: embeddedDir },
        });
        const out = { stdout: '', stderr: '' };
        child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
        child.once('close', (status) => done({ status, ...out }));
      });

    it('signs for a demo user by name, as the README does', async () => {
      const issued = await devToken(['ada.auditor']);
      expect(issued.status).toBe(0);
      expect((await callApi('GET', `${urls.strategic}/portfolio/programs`, issued.stdout.trim())).status).toBe(200);
    });

    it('signs for any user name with the roles and groups given', async () => {
      const code = `dev-${randomUUID().slice(0, 8)}`;
      const issued = await devToken([`manager.${code}`, '--roles', 'program-manager', '--groups', `/programs/program-${code}`]);
      expect(issued.status).toBe(0);
      const manager = issued.stdout.trim();
      // A program manager registers programs of his groups' codes only.
      expect((await callApi('POST', `${urls.program}/programs`, manager, { name: `Dev token ${code}`, code })).status).toBe(201);
      expect((await callApi('POST', `${urls.program}/programs`, manager, { name: `Not his ${code}`, code: `${code}-other` })).status).toBe(403);
    });

    it("gets a token signed by another instance's key a 401 that says so", async () => {
      const otherDir = mkdtempSync(join(tmpdir(), 'pmo-other-'));
      try {
        loadOrCreateDevKeyPair(join(otherDir, 'keys'));
        const issued = await devToken(['sam.strategic'], otherDir);
        expect(issued.status).toBe(0);
        const answer = await callApi<{ code: string; message: string }>('GET', `${urls.strategic}/portfolio/programs`, issued.stdout.trim());
        expect(answer.status).toBe(401);
        expect(answer.body.message).toContain("the signature does not match this instance's signing key");
      } finally {
        rmSync(otherDir, { recursive: true, force: true });
      }
    });

    it('creates no key where there is no instance, and says so', async () => {
      const emptyDir = mkdtempSync(join(tmpdir(), 'pmo-none-'));
      try {
        const issued = await devToken(['sam.strategic'], emptyDir);
        expect(issued.status).toBe(1);
        expect(issued.stdout).toBe('');
        expect(issued.stderr).toContain(`no signing key in ${join(emptyDir, 'keys')}`);
        expect(existsSync(join(emptyDir, 'keys'))).toBe(false);
      } finally {
        rmSync(emptyDir, { recursive: true, force: true });
      }
    });
  });

  it('publishes a standard in two waves; the views follow the waves, the clock and the retirement', async () => {
    const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
    const pat = users.find((u) => u.username === 'pat.platform');
    if (!pat) throw new Error('demo user pat.platform missing from the realm file');
    const platform = issueDevToken(pat, loadOrCreateDevKeyPair(join(stateDir, 'keys')), {
      keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
      realm: 'pmo',
      audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
    });
    await runStandardsScenario(urls, { admin: token, platform });
  });

  it('adopts, tailors and grandfathers within the rules; a missed deadline turns overdue; the portfolio is the sum of the programs, as of any day', async () => {
    const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
    const pat = users.find((u) => u.username === 'pat.platform');
    if (!pat) throw new Error('demo user pat.platform missing from the realm file');
    const platform = issueDevToken(pat, loadOrCreateDevKeyPair(join(stateDir, 'keys')), {
      keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
      realm: 'pmo',
      audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
    });
    await runAdoptionScenario(urls, { admin: token, platform });
  });

  it('takes status reports in the published format, implementation status, counts the reporting cadence, and closes the project', async () => {
    const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
    const pat = users.find((u) => u.username === 'pat.platform');
    if (!pat) throw new Error('demo user pat.platform missing from the realm file');
    const platform = issueDevToken(pat, loadOrCreateDevKeyPair(join(stateDir, 'keys')), {
      keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
      realm: 'pmo',
      audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
    });
    await runReportsScenario(urls, { admin: token, platform });
  });

  it('computes the health metrics of a program from the status reports it was sent', async () => {
    const pat = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json')).find((u) => u.username === 'pat.platform');
    if (!pat) throw new Error('demo user pat.platform missing from the realm file');
    const platform = issueDevToken(pat, loadOrCreateDevKeyPair(join(stateDir, 'keys')), {
      keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
      realm: 'pmo',
      audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
    });
    await runMetricsScenario(urls, { admin: token, platform });
  });

  it('takes a variance from request to approval, idempotently, refuses self-review, expires it and escalates a late one', async () => {
    const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
    const { programCode, programManager } = scopedProgramManager();
    const pat = users.find((u) => u.username === 'pat.platform');
    if (!pat) throw new Error('demo user pat.platform missing from the realm file');
    const platform = issueDevToken(pat, loadOrCreateDevKeyPair(join(stateDir, 'keys')), {
      keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
      realm: 'pmo',
      audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
    });
    await runVarianceScenario(urls, { admin: token, programManager, programCode, platform });
  });

  it('takes a variance from a project’s proposal through its impact, conditions, withdrawal, revision, review and revocation', async () => {
    const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
    const keys = loadOrCreateDevKeyPair(join(stateDir, 'keys'));
    const tokenOf = (username: string) => {
      const user = users.find((u) => u.username === username);
      if (!user) throw new Error(`demo user ${username} missing from the realm file`);
      return issueDevToken(user, keys, {
        keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
        realm: 'pmo',
        audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
      });
    };
    const { programCode, programManager } = scopedProgramManager();
    const projectCode = `pj-${randomUUID().slice(0, 8)}`;
    const pete = { ...(users.find((u) => u.username === 'pete.project') as DemoUser), groups: [`project-${projectCode}`] };
    const projectManager = issueDevToken(pete, keys, {
      keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
      realm: 'pmo',
      audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
    });
    await runVarianceLifecycleScenario(urls, {
      admin: token,
      reviewer: tokenOf('rita.reviewer'),
      programManager,
      projectManager,
      platform: tokenOf('pat.platform'),
      programCode,
      projectCode,
    });
  });

  it('holds a steering committee meeting whose agenda has a late variance and whose recorded decision approves it', async () => {
    const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
    const keys = loadOrCreateDevKeyPair(join(stateDir, 'keys'));
    const tokenOf = (username: string) =>
      issueDevToken(users.find((u) => u.username === username) as DemoUser, keys, {
        keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
        realm: 'pmo',
        audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
      });
    const { programCode, programManager } = scopedProgramManager();
    await runCommitteeScenario(urls, { admin: token, reviewer: tokenOf('rita.reviewer'), programManager, programCode, platform: tokenOf('pat.platform') });
  });

  it('renews an approval within the limit from its first approval, through review and decision; compliance follows the new end date', async () => {
    const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
    const keys = loadOrCreateDevKeyPair(join(stateDir, 'keys'));
    const tokenOf = (username: string) => {
      const user = users.find((u) => u.username === username);
      if (!user) throw new Error(`demo user ${username} missing from the realm file`);
      return issueDevToken(user, keys, {
        keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
        realm: 'pmo',
        audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
      });
    };
    const { programCode, programManager } = scopedProgramManager();
    await runVarianceRenewalScenario(urls, {
      admin: token,
      reviewer: tokenOf('rita.reviewer'),
      programManager,
      programCode,
      platform: tokenOf('pat.platform'),
      auditor: tokenOf('ada.auditor'),
    });
  });

  it('grandfathers by the standard’s own threshold, set by the strategic PMO', async () => {
    const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
    const pat = users.find((u) => u.username === 'pat.platform');
    if (!pat) throw new Error('demo user pat.platform missing from the realm file');
    const platform = issueDevToken(pat, loadOrCreateDevKeyPair(join(stateDir, 'keys')), {
      keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
      realm: 'pmo',
      audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
    });
    await runGrandfatheringThresholdScenario(urls, { admin: token, platform });
  });

  it('closes a project with its post-implementation review and sends a lesson to the strategic feedback inbox', async () => {
    await runCloseoutScenario(urls, { admin: token });
  });

  it("puts a project's milestones set in project-pmo on the portfolio roadmap, and exports it as a calendar", async () => {
    await runRoadmapScenario(urls, { admin: token });
  });

  it('answers a regulated division’s feedback with a regulated revision, and closes it', async () => {
    const { programCode, programManager } = scopedProgramManager();
    await runRegulatedFeedbackScenario(urls, { admin: token, programManager, programCode });
  });

  it('holds the governance rules over 60 simulated days: variants side by side, a granted cadence, grandfathering, a preview that comes true', async () => {
    const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
    const pat = users.find((u) => u.username === 'pat.platform');
    if (!pat) throw new Error('demo user pat.platform missing from the realm file');
    const platform = issueDevToken(pat, loadOrCreateDevKeyPair(join(stateDir, 'keys')), {
      keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
      realm: 'pmo',
      audience: ['strategic-pmo', 'program-pmo', 'project-pmo'],
    });
    const { programCode, programManager } = scopedProgramManager();
    await runGovernanceRulesScenario(urls, { admin: token, programManager, programCode, platform });
  });

  it('keeps both compliance read models equal to the compliance function over those simulated days', async () => {
    // The scenario's days run from today to today + 60 at 09:00; instants between its steps, and now.
    const today = Date.parse(new Date().toISOString().slice(0, 10));
    const instants = [0.3, 18.5, 22.4, 30.6, 42.5, 46.5, 50.5, 52.5, 58.5, 60.5].map((days) => new Date(today + days * 86_400_000));
    await expectReadModelsAgreeEverywhere(urls, token, [...instants, new Date()]);
  });

  it('refuses a playbook that is not valid YAML with its line and column, storing nothing', async () => {
    await runBadPlaybookImport(urls, token);
  });

  describe('the standards catalog', () => {
    describeCatalog(
      () => urls,
      () => token,
    );
  });

  describe('the HTTP contract', () => {
    describeOpenApiDrift(() => urls);
  });

  describe('bad input', () => {
    describeBadInput(
      () => urls,
      () => token,
      () => demoProgramId,
    );
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await platform.stop()).toBe(0);
  });
});
