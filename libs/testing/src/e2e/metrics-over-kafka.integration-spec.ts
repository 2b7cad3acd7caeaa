import type { PmoClients, StrategicPmoSchemas } from '@pmo/api-contracts';
import { startDistributedServices, type DistributedServices } from '../distributed-services';
import { eventually } from '../eventually';
import { uniqueSuffix } from '../fresh-ids';
import { keycloakUserToken } from '../keycloak-admin';
import { keycloakToken } from '../keycloak-tokens';
import { dataOf, freeForm, pmoClients } from '../typed-clients';

// The governance metrics in the distributed mode: the three services on their own databases, events over the
// real Kafka of deploy/local. Every fact starts in the service that owns it, through its HTTP API (status
// reports in project-pmo, adoptions and variance requests in program-pmo, decisions in strategic-pmo), and
// the metrics strategic-pmo computes from what reached it are checked against values worked out here by hand.
// The three clocks move together; the databases are fresh, so every count is this test's own.

type Rating = 'green' | 'amber' | 'red';
type Series = StrategicPmoSchemas['schemas']['ComplianceTrendResponse']['byStandard'][number];

// A Monday, 09:00 UTC. Day n is T0 + n days; the metrics are read on day 14 over 3 weeks: week ends on days 0, 7, 14.
const T0 = Date.parse('2031-03-03T09:00:00Z');
const at = (days: number) => new Date(T0 + days * 86_400_000).toISOString();
const dateOf = (days: number) => at(days).slice(0, 10);

const suffix = uniqueSuffix();
const programCode = `pm-metrics-${suffix}`;
const cadenceKey = `metrics-cadence-${suffix}`;
let platform: DistributedServices;
let admin: PmoClients;
let manager: PmoClients;
let clocks: PmoClients;
let programId: string;
const projects: Record<'ledger' | 'payroll' | 'treasury', string> = { ledger: '', payroll: '', treasury: '' };
let formatVersion: string;
let cadenceVersion: string;
const variances = { payroll: '', treasury: '' };

// The reports, each rating what its project's format marks; overall left out is the worse of schedule and budget.
const REPORTS: { project: keyof typeof projects; day: number; schedule: Rating; budget: Rating; overall?: Rating }[] = [
  { project: 'treasury', day: 5, schedule: 'green', budget: 'red' },
  { project: 'ledger', day: 9, schedule: 'green', budget: 'green', overall: 'green' },
  { project: 'payroll', day: 9, schedule: 'amber', budget: 'green' },
  { project: 'treasury', day: 9, schedule: 'green', budget: 'green' },
];

async function moveClocks(days: number): Promise<void> {
  const body = { now: at(days) };
  for (const answer of [clocks.strategic.PUT('/clock', { body }), clocks.program.PUT('/clock', { body }), clocks.project.PUT('/clock', { body })])
    expect((await answer).response.status).toBe(200);
}

async function strategicHas(sql: string, params: unknown[], rows: number): Promise<void> {
  await eventually(async () => expect(await platform.query('strategic', sql, params)).toHaveLength(rows), 60_000);
}

async function publish(key: string, kind: 'standard' | 'report-format', draft: { requirements?: object[]; body?: object }, sla?: number): Promise<string> {
  const standardId = dataOf(
    await admin.strategic.POST('/standards', {
      body: { key, title: key, kind, owner: 'PMO', ...(sla && { variancePolicy: { longestVarianceMonths: 6, decisionSlaBusinessDays: sla } }) },
    }),
  ).id;
  const path = { standardId, version: '1.0.0' };
  const drafted = await admin.strategic.POST('/standards/{standardId}/versions', {
    params: { path: { standardId } },
    body: {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: dateOf(-1),
      adoptionDeadline: dateOf(30),
      applicability: { scope: 'programs', programIds: [programId] },
      requirements: (draft.requirements ?? []) as never,
      ...(draft.body && { body: freeForm(draft.body) }),
    },
  });
  expect(drafted.response.status).toBe(201);
  expect((await admin.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: { path } })).response.status).toBe(200);
  const rollout = [{ name: 'all', programIds: [programId], programTags: [], opensOn: dateOf(-1), adoptionDeadline: dateOf(30) }];
  return dataOf(await admin.strategic.POST('/standards/{standardId}/versions/{version}/publish', { params: { path }, body: { rollout } })).id;
}

async function requestVariance(project: keyof typeof variances): Promise<string> {
  // Retried until program-pmo has heard of the version and its variance policy over Kafka; a refusal stores nothing.
  const id = await eventually(async () => {
    const answer = await manager.program.POST('/programs/{programId}/variances', {
      params: { path: { programId } },
      body: {
        versionId: cadenceVersion,
        requirementIds: ['REVIEW-CADENCE'],
        deviations: [{ requirementId: 'REVIEW-CADENCE', value: 28 }],
        projectIds: [projects[project]],
        justification: 'The regulator reviews the program monthly',
        risk: { likelihood: 2, impact: 2 },
        expiresOn: dateOf(90),
      },
    });
    expect(answer.response.status).toBe(201);
    return dataOf(answer).id;
  }, 60_000);
  await eventually(
    async () => expect((await admin.strategic.GET('/variances/{varianceId}', { params: { path: { varianceId: id } } })).response.status).toBe(200),
    60_000,
  );
  return id;
}

async function decide(varianceId: string, outcome: 'approved' | 'rejected'): Promise<void> {
  const params = { path: { varianceId } };
  if (outcome === 'approved') expect((await admin.strategic.POST('/variances/{varianceId}/review', { params })).response.status).toBe(200);
  expect((await admin.strategic.POST('/variances/{varianceId}/decide', { params, body: { outcome, reason: 'metrics over Kafka' } })).response.status).toBe(200);
}

async function report({ project, schedule, budget, overall }: (typeof REPORTS)[number]): Promise<void> {
  const body = { formatVersionId: formatVersion, report: freeForm({ schedule, budget: { health: budget }, ...(overall && { overall }) }) };
  await eventually(async () => {
    const answer = await admin.project.POST('/projects/{projectId}/status-reports', { params: { path: { projectId: projects[project] } }, body });
    expect(answer.response.status).toBe(201);
  }, 60_000);
}

beforeAll(async () => {
  platform = await startDistributedServices('metrics_kafka', suffix);
  const [adminToken, platformToken, managerToken] = await Promise.all([
    keycloakToken('sam.strategic'),
    keycloakToken('pat.platform'),
    keycloakUserToken(`manager.${programCode}`, 'program-manager', [`program-${programCode}`]),
  ]);
  [admin, clocks, manager] = [pmoClients(platform.urls, adminToken), pmoClients(platform.urls, platformToken), pmoClients(platform.urls, managerToken)];

  // Day -1, a Sunday: the program, its three projects, a report format marking health, and a cadence standard
  // whose variances are decided within 2 business days, both in force for the program from that day.
  await moveClocks(-1);
  programId = dataOf(await admin.program.POST('/programs', { body: { name: `Metrics over Kafka ${suffix}`, code: programCode } })).id;
  for (const project of Object.keys(projects) as (keyof typeof projects)[])
    projects[project] = await eventually(async () => {
      const answer = await admin.project.POST('/projects', { body: { programId, name: `${project} ${suffix}`, phase: 'execution' } });
      expect(answer.response.status).toBe(201);
      return dataOf(answer).id;
    }, 60_000);
  const rating = (measure: string) => ({ enum: ['green', 'amber', 'red'], 'x-pmo-health': measure });
  formatVersion = await publish(`metrics-format-${suffix}`, 'report-format', {
    body: {
      schema: {
        type: 'object',
        required: ['schedule', 'budget'],
        additionalProperties: false,
        properties: { overall: rating('overall'), schedule: rating('schedule'), budget: { type: 'object', properties: { health: rating('budget') } } },
      },
    },
  });
  cadenceVersion = await publish(
    cadenceKey,
    'standard',
    { requirements: [{ id: 'REVIEW-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }] },
    2,
  );
  await strategicHas(`SELECT 1 FROM portfolio_projects WHERE program_id = $1`, [programId], 3);

  // The facts, in the order they happen; each has reached strategic-pmo before the clocks move on.
  await moveClocks(2); // Wednesday
  variances.payroll = await requestVariance('payroll'); // due Friday (day 4)
  await moveClocks(3);
  expect(
    (
      await manager.program.POST('/programs/{programId}/adoptions', {
        params: { path: { programId } },
        body: { versionId: cadenceVersion, projectIds: [projects.ledger], decision: 'adopt', reason: 'metrics over Kafka' },
      })
    ).response.status,
  ).toBe(201);
  await strategicHas(`SELECT 1 FROM portfolio_adoption_decisions WHERE project_id = $1 AND decision = 'adopt'`, [projects.ledger], 1);
  await decide(variances.payroll, 'approved'); // Thursday: 1 day, on time
  await moveClocks(4); // Friday
  variances.treasury = await requestVariance('treasury'); // due the Tuesday after (day 8)
  for (const day of [5, 9]) {
    await moveClocks(day);
    for (const r of REPORTS.filter((r) => r.day === day)) await report(r);
  }
  await strategicHas(`SELECT 1 FROM portfolio_status_reports WHERE project_id = ANY($1::uuid[])`, [Object.values(projects)], REPORTS.length);
  await moveClocks(10);
  await decide(variances.treasury, 'rejected'); // Thursday: 6 days, 2 days late
  await moveClocks(14); // Monday: the metrics are read now
}, 600_000);

afterAll(async () => {
  expect(await platform?.stop()).toEqual([0, 0, 0]);
}, 120_000);

describe('the governance metrics over Kafka, worked out by hand from the facts each service was given', () => {
  const query = { weeks: 3 };
  const GRAVITY: Rating[] = ['green', 'amber', 'red'];
  const overallOf = (r: (typeof REPORTS)[number]): Rating => r.overall ?? (GRAVITY.indexOf(r.schedule) >= GRAVITY.indexOf(r.budget) ? r.schedule : r.budget);
  const count = (ratings: Rating[]) => ({
    green: ratings.filter((r) => r === 'green').length,
    amber: ratings.filter((r) => r === 'amber').length,
    red: ratings.filter((r) => r === 'red').length,
  });
  // The roll-up rule of docs/metrics.md: red from a quarter red, amber from any red or a quarter amber or red.
  const rollUp = ({ green, amber, red }: ReturnType<typeof count>): Rating | 'unrated' => {
    const rated = green + amber + red;
    if (rated === 0) return 'unrated';
    if (red * 4 >= rated) return 'red';
    return red > 0 || (amber + red) * 4 >= rated ? 'amber' : 'green';
  };
  // The latest report of each project as of a day, and the trend's counts at each week end.
  const latestAsOf = (day: number) => Object.keys(projects).flatMap((project) => REPORTS.filter((r) => r.project === project && r.day <= day).slice(-1));

  it('rolls the health of the reports up per program and for the portfolio, and follows it week by week', async () => {
    const now = latestAsOf(14);
    const overall = count(now.map(overallOf));
    // Ledger green, Payroll amber (its schedule), Treasury green again after its red budget of day 5.
    expect(overall).toEqual({ green: 2, amber: 1, red: 0 });
    expect(rollUp(overall)).toBe('amber');
    await eventually(async () => {
      const health = dataOf(await admin.strategic.GET('/portfolio/metrics/health', { params: { query: { ...query, program: programId } } }));
      expect(health.programs).toHaveLength(1);
      expect(health.programs[0]).toMatchObject({
        programId,
        rating: rollUp(overall),
        overall,
        schedule: count(now.map((r) => r.schedule)),
        budget: count(now.map((r) => r.budget)),
        unrated: 0,
      });
      expect(health.portfolio).toEqual({ rating: 'amber', programs: { green: 0, amber: 1, red: 0 } });
      expect(health.trend.map(({ green, amber, red }) => ({ green, amber, red }))).toEqual([0, 7, 14].map((day) => count(latestAsOf(day).map(overallOf))));
      expect(health.projects.map((p) => [p.projectId, p.overall]).sort()).toEqual(now.map((r) => [projects[r.project], overallOf(r)]).sort());
    }, 60_000);
    // Treasury's run of red ended with its green report: no red report now.
    expect(dataOf(await admin.strategic.GET('/portfolio/metrics/red-reports', { params: { query } })).count).toBe(0);
  });

  it('times each variance decision against its standard’s SLA of 2 business days', async () => {
    const dueOn = async (varianceId: string) =>
      dataOf(await admin.strategic.GET('/variances/{varianceId}', { params: { path: { varianceId } } })).decisionDueOn;
    // Wednesday + 2 business days is Friday (day 4); Friday + 2 is the Tuesday after (day 8).
    expect(await dueOn(variances.payroll)).toBe(dateOf(4));
    expect(await dueOn(variances.treasury)).toBe(dateOf(8));
    const decisions = dataOf(await admin.strategic.GET('/portfolio/metrics/variance-decisions', { params: { query } }));
    // Payroll's decided after 1 day (on time), Treasury's after 6 (late): median (1 + 6) / 2 = 3.5, one of two on time.
    expect(decisions).toMatchObject({
      asOf: expect.stringMatching(/^2031-03-17T09:00/),
      decided: 2,
      onTime: 1,
      percentOnTime: 50,
      medianDays: 3.5,
      openPastDue: 0,
    });
    // Week ends on days 0, 7, 14; each holds the decisions after the previous end.
    expect(decisions.weeks.map(({ decided, onTime, medianDays }) => [decided, onTime, medianDays])).toEqual([
      [0, 0, null],
      [1, 1, 1],
      [1, 0, 6],
    ]);
  });

  it('burns up the wave and follows compliance with the standard at each week end', async () => {
    const { waves } = dataOf(await admin.strategic.GET('/portfolio/metrics/adoption-waves', { params: { query } }));
    // Three projects in scope; Ledger adopted on day 3. A variance (approved or not) is no adoption.
    expect(waves.find((w) => w.versionId === cadenceVersion)).toMatchObject({ wave: 'all', inScope: 3 });
    expect(waves.find((w) => w.versionId === cadenceVersion)?.points.map((p) => p.decided)).toEqual([0, 1, 1]);
    const trend = dataOf(await admin.strategic.GET('/portfolio/metrics/compliance-trend', { params: { query } }));
    // Compliant: Ledger adopted and Payroll variance-approved from day 3; Treasury's request was refused.
    const points = (series: Series | undefined) => series?.points.map((p) => [p.compliant, p.total, p.percentCompliant]);
    expect(points(trend.byStandard.find((s) => s.id === cadenceKey))).toEqual([
      [0, 3, 0],
      [2, 3, 66.7],
      [2, 3, 66.7],
    ]);
  });
});
