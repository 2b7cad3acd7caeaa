import { callApi, keycloakToken, startServiceAlone, uniqueSuffix, eventually, type ServiceAlone } from '@pmo/testing';
import { randomUUID } from 'node:crypto';
import { startStrategicPmo } from '../bootstrap';

// strategic-pmo alone on real PostgreSQL with a controllable clock: the program PMO's facts (adoption decisions,
// variance requests) arrive as events at chosen instants, the strategic PMO decides variances through its API
// as the clock moves, and the variance, adoption and compliance metrics are checked against values worked out
// by hand below from those facts. A fresh database holds nothing else, so every count is the test's own.
let service: ServiceAlone;
let admin: string;
let platform: string;
const tag = `metrics-${uniqueSuffix()}`;
// A Monday, 09:00 UTC. Day n is T0 + n days; the metrics are read on day 21 over 4 weeks: week ends on days 0, 7, 14, 21.
const T0 = Date.parse('2031-03-03T09:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const [programP, programQ] = [randomUUID(), randomUUID()];
const [a, b, c, d, e] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const [v1, v2, v3, v4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const requester = { subject: `manager-${tag}`, name: 'Program manager' };
let standardId: string;
let versionId: string;

const api = <T>(method: string, path: string, body?: unknown, token = admin) => callApi<T>(method, `${service.url}${path}`, token, body);
async function moveClock(days: number): Promise<void> {
  expect((await api('PUT', '/clock', { now: at(days) }, platform)).status).toBe(200);
}
async function decideAdoption(
  projectId: string,
  programId: string,
  decision: 'adopt' | 'tailor' | 'variance-needed',
  days: number,
  choices: Record<string, number> = {},
) {
  const decisionId = randomUUID();
  await service.publish('pmo.adoption.decided.v1', {
    decisionId,
    programId,
    projectId,
    standardId,
    versionId,
    version: '1.0.0',
    decision,
    choices,
    reason: 'metrics test',
    actor: requester,
    decidedAt: at(days),
  });
  // Events are applied after `publish` returns: each fact lands before the clock moves on.
  await eventually(async () => {
    const rows = (await service.dataSource.query(`SELECT 1 FROM portfolio_adoption_decisions WHERE decision_id = $1`, [decisionId])) as unknown[];
    expect(rows).toHaveLength(1);
  });
}
async function requestVariance(varianceId: string, projectId: string, programId: string, days: number) {
  await service.publish('pmo.variance.requested.v1', {
    varianceId,
    programId,
    requestedBy: requester,
    standardId,
    versionId,
    version: '1.0.0',
    requirementIds: ['REVIEW-CADENCE'],
    projectIds: [projectId],
    justification: 'The regulator sets a monthly cadence',
    risk: { likelihood: 2, impact: 2 },
    compensatingControls: ['Fortnightly sponsor call'],
    expiresOn: at(90).slice(0, 10),
    submittedAt: at(days),
  });
  await caseOf(varianceId);
}
async function caseOf(varianceId: string) {
  return eventually(async () => {
    const found = await api<{ state: string; decisionDueOn: string }>('GET', `/variances/${varianceId}`);
    expect(found.status).toBe(200);
    return found.body;
  });
}
async function decideVariance(varianceId: string, outcome: 'approved' | 'rejected', days: number): Promise<void> {
  await caseOf(varianceId);
  await moveClock(days);
  if (outcome === 'approved') expect((await api('POST', `/variances/${varianceId}/review`)).status).toBe(200);
  expect((await api('POST', `/variances/${varianceId}/decide`, { outcome, reason: 'metrics test' })).status).toBe(200);
}

beforeAll(async () => {
  service = await startServiceAlone('strategic-pmo', `strategic_metrics_${uniqueSuffix()}`, startStrategicPmo, { PMO_CONTROLLABLE_CLOCK: 'true' });
  [admin, platform] = await Promise.all([keycloakToken('sam.strategic'), keycloakToken('pat.platform')]);
  // Everything is set up the day before the first week end, so that day 0 already sees all five projects pending.
  await moveClock(-1);
  for (const [programId, name] of [
    [programP, 'P'],
    [programQ, 'Q'],
  ])
    await service.publish('pmo.program.registered.v1', {
      programId,
      name: `Program ${name} ${tag}`,
      description: '',
      tags: [tag],
      registeredAt: at(-1),
      code: `${tag}-${name.toLowerCase()}`,
    });
  for (const [projectId, programId, name] of [
    [a, programP, 'A'],
    [b, programP, 'B'],
    [c, programP, 'C'],
    [d, programQ, 'D'],
    [e, programQ, 'E'],
  ])
    await service.publish('pmo.project.registered.v1', { projectId, programId, name: `Project ${name}`, phase: 'execution', tags: [], registeredAt: at(-1) });
  await eventually(async () => {
    const [{ projects }] = (await service.dataSource.query(`SELECT count(*)::int AS projects FROM portfolio_projects WHERE program_id = ANY($1::uuid[])`, [
      [programP, programQ],
    ])) as { projects: number }[];
    expect(projects).toBe(5);
  });
  // Variances of this standard are decided within 2 business days.
  const created = await api<{ id: string }>('POST', '/standards', {
    key: tag,
    title: 'Steering cadence',
    kind: 'standard',
    owner: 'PMO',
    variancePolicy: { longestVarianceMonths: 6, decisionSlaBusinessDays: 2 },
  });
  expect(created.status).toBe(201);
  standardId = created.body.id;
  const base = `/standards/${standardId}/versions`;
  const dates = { effectiveDate: at(-1).slice(0, 10), adoptionDeadline: at(30).slice(0, 10) };
  expect(
    (
      await api('POST', base, {
        version: '1.0.0',
        level: 'mandatory',
        ...dates,
        applicability: { scope: 'tags', tags: [tag] },
        requirements: [{ id: 'REVIEW-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
      })
    ).status,
  ).toBe(201);
  expect((await api('POST', `${base}/1.0.0/submit`)).status).toBe(200);
  const published = await api<{ id: string }>('POST', `${base}/1.0.0/publish`, {
    rollout: [{ name: 'all', programIds: [programP, programQ], programTags: [], opensOn: dates.effectiveDate, adoptionDeadline: dates.adoptionDeadline }],
  });
  expect(published.status).toBe(200);
  versionId = published.body.id;

  // The facts, in the order they happen.
  await moveClock(2);
  await decideAdoption(c, programP, 'variance-needed', 2);
  await requestVariance(v1, c, programP, 2); // Wednesday 09:00: due Friday (day 4)
  await moveClock(3);
  await decideAdoption(a, programP, 'adopt', 3);
  await moveClock(4);
  await decideAdoption(d, programQ, 'variance-needed', 4);
  await requestVariance(v2, d, programQ, 4); // Friday 09:00: due the Tuesday after (day 8)
  await decideVariance(v2, 'rejected', 6); // Sunday: 2 days, on time
  await decideVariance(v1, 'approved', 8); // Tuesday: 6 days, 4 days late
  await moveClock(10);
  await decideAdoption(b, programP, 'tailor', 10, { 'REVIEW-CADENCE': 10 });
  await moveClock(12);
  await requestVariance(v4, d, programQ, 12); // Saturday: due Tuesday (day 15), never decided
  await moveClock(15);
  await decideAdoption(e, programQ, 'variance-needed', 15);
  await requestVariance(v3, e, programQ, 15); // Tuesday 09:00: due Thursday (day 17)
  await decideVariance(v3, 'approved', 16.5); // Wednesday 21:00: 1.5 days, on time
  await moveClock(21);
  await eventually(async () => {
    const [{ decisions }] = (await service.dataSource.query(`SELECT count(*)::int AS decisions FROM portfolio_adoption_decisions WHERE version_id = $1`, [
      versionId,
    ])) as { decisions: number }[];
    expect(decisions).toBe(5);
  });
}, 120_000);

afterAll(() => service?.stop());

describe('the governance metrics, worked out by hand from the facts', () => {
  it('dates each request due by its standard’s SLA in business days', async () => {
    // Wed + 2 business days = Fri; Fri + 2 = Tue; Sat + 2 = Tue (Monday is the first); Tue + 2 = Thu.
    expect((await caseOf(v1)).decisionDueOn).toBe('2031-03-07');
    expect((await caseOf(v2)).decisionDueOn).toBe('2031-03-11');
    expect((await caseOf(v4)).decisionDueOn).toBe('2031-03-18');
    expect((await caseOf(v3)).decisionDueOn).toBe('2031-03-20');
  });

  it('times variance decisions against the SLA, per week and over the window, with the requests open past due', async () => {
    const answer = await api<Record<string, unknown>>('GET', '/portfolio/metrics/variance-decisions?weeks=4');
    expect(answer.status).toBe(200);
    // Decided: v2 after 2 days (on time), v1 after 6 (late), v3 after 1.5 (on time). Median of 1.5, 2, 6 is 2;
    // 2 of 3 on time is 66.7 %. v4 has been due since day 15 and is still open on day 21.
    expect(answer.body).toMatchObject({
      asOf: expect.stringMatching(/^2031-03-24T09:00/),
      decided: 3,
      onTime: 2,
      percentOnTime: 66.7,
      medianDays: 2,
      openPastDue: 1,
    });
    // Week ends on days 0, 7, 14, 21; each holds the decisions after the previous end.
    expect(
      (answer.body.weeks as { decided: number; onTime: number; medianDays: number | null }[]).map(({ decided, onTime, medianDays }) => [
        decided,
        onTime,
        medianDays,
      ]),
    ).toEqual([
      [0, 0, null],
      [1, 1, 2],
      [1, 0, 6],
      [1, 1, 1.5],
    ]);
    // Program Q alone: v2 (2 days) and v3 (1.5 days), both on time; the median of two is their mean, 1.75 → 1.8.
    const q = await api<Record<string, unknown>>('GET', `/portfolio/metrics/variance-decisions?weeks=4&program=${programQ}`);
    expect(q.body).toMatchObject({ decided: 2, onTime: 2, percentOnTime: 100, medianDays: 1.8, openPastDue: 1 });
  });

  it('burns up the wave: projects decided (adopt, tailor, grandfather) by each week end against its scope', async () => {
    const answer = await api<{ waves: { versionId: string; wave: string; inScope: number; points: { decided: number }[] }[] }>(
      'GET',
      '/portfolio/metrics/adoption-waves?weeks=4',
    );
    expect(answer.status).toBe(200);
    const wave = answer.body.waves.find((w) => w.versionId === versionId);
    // Five open projects in scope; A adopted on day 3, B tailored on day 10; a variance-needed decision is no adoption.
    expect(wave).toMatchObject({ wave: 'all', inScope: 5 });
    expect(wave?.points.map((p) => p.decided)).toEqual([0, 1, 2, 2]);
  });

  it('follows compliance per standard and per program at each week end', async () => {
    const answer = await api<{ byStandard: Series[]; byProgram: Series[] }>('GET', '/portfolio/metrics/compliance-trend?weeks=4');
    expect(answer.status).toBe(200);
    // Compliant: A adopted from day 3, C variance-approved from day 8, B tailored from day 10, E variance-approved
    // from day 16.5. D stays pending (its first request refused, its second undecided).
    const points = (series: Series | undefined) => series?.points.map((p) => [p.compliant, p.total, p.percentCompliant]);
    expect(points(answer.body.byStandard.find((s) => s.id === tag))).toEqual([
      [0, 5, 0],
      [1, 5, 20],
      [3, 5, 60],
      [4, 5, 80],
    ]);
    expect(points(answer.body.byProgram.find((s) => s.id === programP))).toEqual([
      [0, 3, 0],
      [1, 3, 33.3],
      [3, 3, 100],
      [3, 3, 100],
    ]);
    expect(points(answer.body.byProgram.find((s) => s.id === programQ))).toEqual([
      [0, 2, 0],
      [0, 2, 0],
      [0, 2, 0],
      [1, 2, 50],
    ]);
  });
});

interface Series {
  id: string;
  points: { compliant: number; total: number; percentCompliant: number }[];
}
