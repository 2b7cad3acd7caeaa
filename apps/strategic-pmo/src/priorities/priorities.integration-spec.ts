import { callApi, eventually, keycloakToken, startServiceAlone, uniqueSuffix, type HttpAnswer, type ServiceAlone } from '@pmo/testing';
import { randomUUID } from 'node:crypto';
import { startStrategicPmo } from '../bootstrap';
import { moveTo } from './ranking';

// strategic-pmo alone on real PostgreSQL with a controllable clock: programs and projects arrive as events,
// a priority policy is published as a standard, and ranks change under it, directly or asked for and decided.
let service: ServiceAlone;
let admin: string;
let reviewer: string;
let paula: string;
let hugo: string;
let platform: string;
const T0 = Date.parse('2031-05-05T09:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const fsm = randomUUID();
const hr = randomUUID();
const fsmProjects = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const hrProjects = [randomUUID(), randomUUID()];
const SCORES = { 'strategic-fit': 8, urgency: 5 };

type Answer = { code: string; message: string };
type Ranking = {
  policy: { version: string } | null;
  entries: { projectId: string; rank: number; scores: Record<string, number>; weightedScore: number | null }[];
};
type Change = {
  id: string;
  fromRank: number;
  toRank: number;
  scores: Record<string, number>;
  weightedScore: number;
  changedByName: string;
  reason: string;
  changedAt: string;
  requestId: string | null;
};
type Request = { id: string; state: string; fromRank: number; toRank: number; projectCode: string; outsidePolicy: string };

const api = <T = Answer>(token: string, method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> =>
  callApi<T>(method, `${service.url}${path}`, token, body);
const order = async (path: string, token = admin) => (await api<Ranking>(token, 'GET', path)).body.entries.map((e) => e.projectId);
const change = (token: string, projectId: string, scope: string, rank: number, scores: object = SCORES) =>
  api<Change & Answer>(token, 'POST', '/priorities/changes', { projectId, scope, rank, scores, reason: `move to ${rank}` });
const ask = (token: string, projectId: string, scope: string, rank: number) =>
  api<Request & Answer>(token, 'POST', '/priorities/requests', { projectId, scope, rank, scores: SCORES, reason: `asked: ${rank}` });
async function moveClock(days: number): Promise<void> {
  expect((await api(platform, 'PUT', '/clock', { now: at(days) })).status).toBe(200);
}

/** Counts of what priorities stored, to show that a refusal stored nothing. */
async function stored(): Promise<number[]> {
  const [r] = (await service.dataSource.query(
    `SELECT (SELECT count(*) FROM priority_changes)::int AS c, (SELECT count(*) FROM priority_requests)::int AS q,
            (SELECT count(*) FROM audit_log WHERE action LIKE 'priority.%')::int AS a`,
  )) as { c: number; q: number; a: number }[];
  return [r.c, r.q, r.a];
}

const POLICY = {
  criteria: [
    { key: 'strategic-fit', label: 'Strategic fit', weight: 60 },
    { key: 'urgency', label: 'Urgency', weight: 40 },
  ],
  program: {
    changeRoles: ['program-manager', 'strategic-admin'],
    maxMove: 2,
    askRoles: ['program-manager'],
    decideRoles: ['strategic-admin', 'strategic-reviewer'],
  },
  portfolio: { changeRoles: ['strategic-admin'], maxMove: null, askRoles: ['program-manager'], decideRoles: ['strategic-admin'] },
};

async function publishPolicy(body: object): Promise<HttpAnswer<Answer>> {
  const standard = await api<{ id: string }>(admin, 'POST', '/standards', {
    key: `priority-policy-${uniqueSuffix()}`,
    title: 'Portfolio priority policy',
    kind: 'priority-policy',
    owner: 'PMO Centre of Excellence',
    tags: ['governance'],
  });
  expect(standard.status).toBe(201);
  const base = `/standards/${standard.body.id}/versions`;
  const draft = await api(admin, 'POST', base, {
    version: '1.0.0',
    level: 'mandatory',
    effectiveDate: at(0).slice(0, 10),
    adoptionDeadline: at(60).slice(0, 10),
    applicability: { scope: 'organisation' },
    requirements: [{ id: 'PRIORITY-POLICY', text: 'Ranks change only as the priority policy allows' }],
    body,
  });
  if (draft.status !== 201) return draft;
  expect((await api(admin, 'POST', `${base}/1.0.0/submit`)).status).toBe(200);
  const published = await api(admin, 'POST', `${base}/1.0.0/publish`, {
    rollout: [{ name: 'organisation', programIds: [fsm, hr], programTags: [], opensOn: at(0).slice(0, 10), adoptionDeadline: at(60).slice(0, 10) }],
  });
  expect(published.status).toBe(200);
  return published;
}

beforeAll(async () => {
  service = await startServiceAlone('strategic-pmo', `strategic_pmo_priorities_${uniqueSuffix()}`, startStrategicPmo, { PMO_CONTROLLABLE_CLOCK: 'true' });
  [admin, reviewer, paula, hugo, platform] = await Promise.all(
    ['sam.strategic', 'rita.reviewer', 'paula.program', 'hugo.program', 'pat.platform'].map((u) => keycloakToken(u as 'sam.strategic')),
  );
  await moveClock(0);
  await service.publish('pmo.program.registered.v1', {
    programId: fsm,
    name: 'Field service',
    description: '',
    tags: ['finance'],
    registeredAt: at(-30),
    code: 'fsm',
  });
  await service.publish('pmo.program.registered.v1', { programId: hr, name: 'HR', description: '', tags: ['hr'], registeredAt: at(-30), code: 'hr' });
  for (const [i, projectId] of fsmProjects.entries())
    await service.publish('pmo.project.registered.v1', {
      projectId,
      programId: fsm,
      code: `fsm-p${i + 1}`,
      name: `FSM ${i + 1}`,
      phase: 'execution',
      tags: [],
      registeredAt: at(-20 + i),
    });
  for (const [i, projectId] of hrProjects.entries())
    await service.publish('pmo.project.registered.v1', {
      projectId,
      programId: hr,
      code: `hr-p${i + 1}`,
      name: `HR ${i + 1}`,
      phase: 'execution',
      tags: [],
      registeredAt: at(-10 + i),
    });
  await eventually(async () => expect(await order('/priorities/portfolio')).toHaveLength(7));
});

afterAll(() => service.stop());

describe('project priorities under a priority policy', () => {
  it('ranks projects by registration until a policy is published, and refuses every change with 422 meanwhile', async () => {
    expect(await order(`/priorities/programs/${fsm}`)).toEqual(fsmProjects);
    expect(await order('/priorities/portfolio')).toEqual([...fsmProjects, ...hrProjects]);
    expect((await api<Ranking>(admin, 'GET', '/priorities/portfolio')).body.policy).toBeNull();
    const refused = await change(admin, fsmProjects[1], 'program', 1);
    expect([refused.status, refused.body.code]).toEqual([422, 'PRIORITY.NO_POLICY']);
    expect(refused.body.message).toContain('no priority policy in force governs the program ranking');
    expect(await stored()).toEqual([0, 0, 0]);
  });

  it('refuses a policy whose weights do not sum to 100 or that names a role it may not, naming what is wrong', async () => {
    const badWeights = await publishPolicy({ ...POLICY, criteria: [{ key: 'fit', label: 'Fit', weight: 90 }] });
    expect(badWeights.status).toBe(422);
    expect(JSON.stringify(badWeights.body)).toContain('the criteria weights sum to 90, not 100');
    const badRole = await publishPolicy({ ...POLICY, portfolio: { ...POLICY.portfolio, changeRoles: ['project-manager'] } });
    expect(badRole.status).toBe(422);
    expect(JSON.stringify(badRole.body)).toContain('/body/portfolio/changeRoles/0');
  });

  it('applies a change within the policy: the project takes its place, the ones between shift, who, when, why and scores are kept', async () => {
    expect((await publishPolicy(POLICY)).status).toBe(200);
    await moveClock(1);
    const moved = await change(paula, fsmProjects[2], 'program', 1);
    expect(moved.status).toBe(201);
    expect([moved.body.fromRank, moved.body.toRank, moved.body.weightedScore, moved.body.changedByName, moved.body.reason]).toEqual([
      3,
      1,
      6.8,
      'Paula Program',
      'move to 1',
    ]);
    expect(await order(`/priorities/programs/${fsm}`)).toEqual([fsmProjects[2], fsmProjects[0], fsmProjects[1], fsmProjects[3], fsmProjects[4]]);
    // The portfolio ranking is a ranking of its own: a program move leaves it as it was.
    expect(await order('/priorities/portfolio')).toEqual([...fsmProjects, ...hrProjects]);
    const ranking = await api<Ranking>(paula, 'GET', `/priorities/programs/${fsm}`);
    expect(ranking.body.entries[0]).toMatchObject({ rank: 1, scores: SCORES, weightedScore: 6.8 });
    const history = await api<Change[]>(reviewer, 'GET', `/priorities/projects/${fsmProjects[2]}/history`);
    // The clock runs on from where it was set: the change is stamped a moment after day 1 began.
    expect(history.body.map((c) => [c.fromRank, c.toRank, c.changedByName, c.changedAt.slice(0, 13)])).toEqual([[3, 1, 'Paula Program', at(1).slice(0, 13)]]);
  });

  it('refuses with 403 a change outside the policy, saying what it does not allow, and stores nothing', async () => {
    const before = await stored();
    const tooFar = await change(paula, fsmProjects[4], 'program', 1);
    expect([tooFar.status, tooFar.body.code]).toEqual([403, 'PRIORITY.OUTSIDE_POLICY']);
    expect(tooFar.body.message).toBe(
      'the priority policy "Portfolio priority policy" 1.0.0 does not allow this change: a direct change may move a project at most 2 place(s) in the program ranking; this one moves it 4; ask for it instead, and someone the policy allows decides it',
    );
    const notHisRole = await change(reviewer, fsmProjects[0], 'program', 2);
    expect([notHisRole.status, notHisRole.body.message]).toEqual([
      403,
      'the priority policy "Portfolio priority policy" 1.0.0 does not allow this change: your roles may not change a program rank directly (the policy allows program-manager, strategic-admin)',
    ]);
    expect(await stored()).toEqual(before);
    expect(await order(`/priorities/programs/${fsm}`)).toEqual([fsmProjects[2], fsmProjects[0], fsmProjects[1], fsmProjects[3], fsmProjects[4]]);
  });

  it('answers 400, 404 and 422 for bad input, projects out of reach, scores outside the policy and ranks past the end', async () => {
    const before = await stored();
    const bad = await api(paula, 'POST', '/priorities/changes', { projectId: 'nope', scope: 'team', rank: 0, scores: {}, reason: '' });
    expect(bad.status).toBe(400);
    for (const field of ['projectId', 'scope', 'rank', 'reason']) expect(JSON.stringify(bad.body)).toContain(field);
    expect((await change(hugo, fsmProjects[0], 'program', 1)).status).toBe(404);
    expect((await change(admin, randomUUID(), 'program', 1)).status).toBe(404);
    const missing = await change(admin, fsmProjects[0], 'program', 1, { urgency: 3, speed: 2 });
    expect([missing.status, missing.body.message]).toEqual([
      422,
      'the criteria scores do not fit the priority policy "Portfolio priority policy" 1.0.0: scores missing for strategic-fit; the policy has no criterion speed (it scores strategic-fit, urgency)',
    ]);
    const pastEnd = await change(admin, fsmProjects[0], 'program', 6);
    expect([pastEnd.status, pastEnd.body.message]).toEqual([422, 'rank 6 is past the end of the program ranking, which holds 5 project(s)']);
    expect((await api(hugo, 'GET', `/priorities/programs/${fsm}`)).status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it('records a change asked for as pending, lets only an allowed decider other than the asker decide it, and applies it on approval', async () => {
    const asked = await ask(paula, fsmProjects[1], 'portfolio', 6);
    expect([asked.status, asked.body.state, asked.body.fromRank, asked.body.projectCode]).toEqual([201, 'pending', 2, 'fsm-p2']);
    expect(asked.body.outsidePolicy).toBe('your roles may not change a portfolio rank directly (the policy allows strategic-admin)');
    const refusedAsk = await ask(reviewer, fsmProjects[1], 'portfolio', 1);
    expect([refusedAsk.status, refusedAsk.body.code]).toEqual([403, 'PRIORITY.OUTSIDE_POLICY']);
    const direct = await ask(admin, fsmProjects[1], 'portfolio', 1);
    expect([direct.status, direct.body.code]).toEqual([422, 'PRIORITY.CHANGE_REFUSED']);

    const pending = await api<Request[]>(admin, 'GET', `/priorities/requests?programId=${fsm}&state=pending`);
    expect(pending.body.map((r) => r.id)).toEqual([asked.body.id]);
    expect((await api<Request[]>(hugo, 'GET', '/priorities/requests')).body).toEqual([]);

    const decision = (token: string, outcome: string) =>
      api<{ request: Request; change: Change | null } & Answer>(token, 'POST', `/priorities/requests/${asked.body.id}/decision`, {
        outcome,
        reason: 'steering committee',
      });
    expect((await decision(paula, 'approve')).body.message).toBe(
      'the priority policy does not allow this decision: the one who asked for a priority change may not decide it',
    );
    const reviewerDecides = await decision(reviewer, 'approve');
    expect([reviewerDecides.status, reviewerDecides.body.message]).toEqual([
      403,
      'the priority policy does not allow this decision: your roles may not decide a priority change (the policy allows strategic-admin)',
    ]);
    expect((await decision(hugo, 'approve')).status).toBe(404);
    await moveClock(2);
    const approved = await decision(admin, 'approve');
    expect(approved.status).toBe(200);
    expect([approved.body.request.state, approved.body.change?.fromRank, approved.body.change?.toRank, approved.body.change?.requestId]).toEqual([
      'approved',
      2,
      6,
      asked.body.id,
    ]);
    expect(await order('/priorities/portfolio')).toEqual([
      fsmProjects[0],
      fsmProjects[2],
      fsmProjects[3],
      fsmProjects[4],
      hrProjects[0],
      fsmProjects[1],
      hrProjects[1],
    ]);
    expect([(await decision(admin, 'refuse')).status]).toEqual([409]);
    expect((await api<Request[]>(admin, 'GET', `/priorities/requests?programId=${fsm}&state=pending`)).body).toEqual([]);
  });

  it('keeps a ranking an order under concurrent changes: every change sees the one before, as if they ran one by one', async () => {
    await moveClock(3);
    const moves = Array.from({ length: 12 }, (_, i) => ({ projectId: [...fsmProjects, ...hrProjects][i % 7], rank: ((i * 5) % 7) + 1 }));
    const initial = await order('/priorities/portfolio');
    const answers = await Promise.all(moves.map((m) => change(admin, m.projectId, 'portfolio', m.rank)));
    expect(answers.map((a) => a.status)).toEqual(moves.map(() => 201));
    const final = await order('/priorities/portfolio');
    expect([...final].sort()).toEqual([...initial].sort());
    // Replaying the stored changes in the order they were applied, from the initial order, gives each stored order and the final one.
    const applied = (await service.dataSource.query(
      `SELECT project_id, from_rank, to_rank, ordering FROM priority_changes WHERE scope = 'portfolio' AND changed_at >= $1 ORDER BY seq`,
      [at(3)],
    )) as { project_id: string; from_rank: number; to_rank: number; ordering: string[] }[];
    expect(applied).toHaveLength(12);
    let replay = initial;
    for (const step of applied) {
      expect(replay.indexOf(step.project_id) + 1).toBe(step.from_rank);
      replay = moveTo(replay, step.project_id, step.to_rank);
      expect(step.ordering).toEqual(replay);
    }
    expect(replay).toEqual(final);
  });

  it('drops a closed project from its rankings, moving the ones below up, and answers as of a day from the history', async () => {
    const programBefore = await order(`/priorities/programs/${fsm}`);
    const portfolioBefore = await order('/priorities/portfolio');
    const closing = programBefore[1];
    await service.publish('pmo.project.closed.v1', { projectId: closing, programId: fsm, reason: 'delivered', closedAt: at(4) });
    await eventually(async () => expect(await order(`/priorities/programs/${fsm}`)).toEqual(programBefore.filter((id) => id !== closing)));
    expect(await order('/priorities/portfolio')).toEqual(portfolioBefore.filter((id) => id !== closing));
    const closed = await change(admin, closing, 'program', 1);
    expect([closed.status, closed.body.message]).toEqual([
      422,
      `project fsm-p${fsmProjects.findIndex((id) => id === closing) + 1} is closed: it has left the rankings`,
    ]);

    const day = (days: number) => at(days).slice(0, 10);
    expect(await order(`/priorities/programs/${fsm}?asOf=${day(0)}`)).toEqual(fsmProjects);
    expect(await order(`/priorities/programs/${fsm}?asOf=${day(1)}`)).toEqual([fsmProjects[2], fsmProjects[0], fsmProjects[1], fsmProjects[3], fsmProjects[4]]);
    expect(await order(`/priorities/portfolio?asOf=${day(3)}`)).toEqual(portfolioBefore);
    expect(await order(`/priorities/portfolio?asOf=${day(4)}`)).toEqual(portfolioBefore.filter((id) => id !== closing));
    const bad = await api(admin, 'GET', '/priorities/portfolio?asOf=yesterday');
    expect([bad.status, JSON.stringify(bad.body).includes('must be a date such as 2027-06-30')]).toEqual([400, true]);
  });
});
