import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, freeForm, pmoClients } from '../typed-clients';
import type { ScenarioTokens } from './standards.scenario';
import type { ServiceUrls } from './walking-skeleton.scenario';

type Rating = 'green' | 'amber' | 'red';

/** A report of the scenario's format: the ratings it carries (overall may be left to schedule and budget). */
interface Report {
  project: number;
  daysAgo: number;
  schedule: Rating;
  budget: Rating;
  overall?: Rating;
}

const rating = (measure: string) => ({ enum: ['green', 'amber', 'red'], 'x-pmo-health': measure });
const GRAVITY: Rating[] = ['green', 'amber', 'red'];
const worse = (a: Rating, b: Rating): Rating => (GRAVITY.indexOf(a) >= GRAVITY.indexOf(b) ? a : b);

function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The health metrics of one program, checked against values worked out here from the reports the scenario
 * submits: a format marking schedule, budget and overall health (a bad mark is refused before review),
 * reports ten days ago and now, the program's roll-up, the weekly trend, the red report and its age, and the
 * adoption burn-up of the format's wave.
 */
export async function runMetricsScenario(urls: ServiceUrls, tokens: ScenarioTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const api = pmoClients(urls, tokens.admin);
  const platform = pmoClients(urls, tokens.platform);
  const program = dataOf(await api.program.POST('/programs', { body: { name: `Metrics program ${suffix}`, tags: [`metrics-${suffix}`] } })).id;
  const projects: string[] = [];
  for (const name of ['Ledger', 'Payroll', 'Treasury', 'Billing'])
    projects.push(
      await eventually(async () => {
        const answer = await api.project.POST('/projects', { body: { programId: program, name: `${name} ${suffix}` } });
        expect(answer.response.status).toBe(201);
        return dataOf(answer).id;
      }),
    );
  const today = dataOf(await api.strategic.GET('/clock')).now.slice(0, 10);
  const draftFormat = async (key: string, schema: object) => {
    const standard = dataOf(await api.strategic.POST('/standards', { body: { key, title: key, kind: 'report-format', owner: 'PMO' } })).id;
    const draft = await api.strategic.POST('/standards/{standardId}/versions', {
      params: { path: { standardId: standard } },
      body: {
        version: '1.0.0',
        level: 'mandatory',
        effectiveDate: today,
        adoptionDeadline: daysFrom(today, 30),
        applicability: { scope: 'programs', programIds: [program] },
        requirements: [],
        body: freeForm({ schema }),
      },
    });
    expect(draft.response.status).toBe(201);
    return { path: { standardId: standard, version: '1.0.0' } };
  };

  // A mark on values that are not ratings is refused before the format can be reviewed, naming the property.
  const misMarked = await draftFormat(`mismarked-${suffix}`, {
    type: 'object',
    properties: { schedule: { enum: ['on-track', 'late'], 'x-pmo-health': 'schedule' } },
  });
  const refused = await api.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: misMarked });
  expect(refused.response.status).toBe(422);
  expect(refused.error?.message).toContain('a property marked x-pmo-health needs an enum of ratings only (green, amber, red)');

  const version = await draftFormat(`health-${suffix}`, {
    type: 'object',
    required: ['schedule', 'budget'],
    additionalProperties: false,
    properties: { overall: rating('overall'), schedule: rating('schedule'), budget: { type: 'object', properties: { health: rating('budget') } } },
  });
  expect((await api.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: version })).response.status).toBe(200);
  const format = dataOf(
    await api.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
      params: version,
      body: { rollout: [{ name: 'all', programIds: [program], programTags: [], opensOn: today, adoptionDeadline: daysFrom(today, 30) }] },
    }),
  ).id;

  const reports: Report[] = [
    { project: 2, daysAgo: 10, schedule: 'red', budget: 'amber', overall: 'red' },
    { project: 3, daysAgo: 10, schedule: 'amber', budget: 'red' },
    { project: 0, daysAgo: 0, schedule: 'green', budget: 'green', overall: 'green' },
    { project: 1, daysAgo: 0, schedule: 'amber', budget: 'green' },
    { project: 2, daysAgo: 0, schedule: 'red', budget: 'red', overall: 'red' },
    { project: 3, daysAgo: 0, schedule: 'green', budget: 'green' },
  ];
  const submit = async ({ project, schedule, budget, overall }: Report) => {
    const report = freeForm({ schedule, budget: { health: budget }, ...(overall ? { overall } : {}) });
    await eventually(async () => {
      const answer = await api.project.POST('/projects/{projectId}/status-reports', {
        params: { path: { projectId: projects[project] } },
        body: { formatVersionId: format, report },
      });
      expect(answer.response.status).toBe(201);
    });
  };
  const moveProjectClock = async (now: string) => expect((await platform.project.PUT('/clock', { body: { now } })).response.status).toBe(200);
  try {
    await moveProjectClock(new Date(Date.now() - 10 * 86_400_000).toISOString());
    for (const report of reports.filter((r) => r.daysAgo === 10)) await submit(report);
  } finally {
    await moveProjectClock(new Date().toISOString());
  }
  for (const report of reports.filter((r) => r.daysAgo === 0)) await submit(report);
  expect(
    (
      await api.program.POST('/programs/{programId}/adoptions', {
        params: { path: { programId: program } },
        body: { versionId: format, projectIds: [projects[0], projects[1]], decision: 'adopt', reason: 'metrics scenario' },
      })
    ).response.status,
  ).toBe(201);

  // By hand: each project's latest report; overall is its own, or the worse of schedule and budget.
  const overallOf = (r: Report): Rating => r.overall ?? worse(r.schedule, r.budget);
  const latest = projects.map((_, index) => reports.filter((r) => r.project === index && r.daysAgo === 0)[0]);
  const count = (ratings: Rating[]) => ({
    green: ratings.filter((r) => r === 'green').length,
    amber: ratings.filter((r) => r === 'amber').length,
    red: ratings.filter((r) => r === 'red').length,
  });
  const overallNow = count(latest.map(overallOf));
  // Ten days ago two projects reported, both red overall (one said so, the other through its red budget).
  const overallWeekAgo = count(reports.filter((r) => r.daysAgo === 10).map(overallOf));
  expect(overallNow).toEqual({ green: 2, amber: 1, red: 1 });
  expect(overallWeekAgo).toEqual({ green: 0, amber: 0, red: 2 });

  const query = { program, weeks: 2 };
  await eventually(async () => {
    const health = dataOf(await api.strategic.GET('/portfolio/metrics/health', { params: { query } }));
    expect(health.programs).toHaveLength(1);
    const [row] = health.programs;
    expect(row.overall).toEqual(overallNow);
    expect(row.schedule).toEqual(count(latest.map((r) => r.schedule)));
    expect(row.budget).toEqual(count(latest.map((r) => r.budget)));
    expect(row.unrated).toBe(0);
    // The rule: 1 red of 4 rated is a quarter, so the program is red, and so is a portfolio of that one program.
    expect(row.rating).toBe('red');
    expect(health.portfolio).toEqual({ rating: 'red', programs: { green: 0, amber: 0, red: 1 } });
    expect(health.trend.map(({ green, amber, red }) => ({ green, amber, red }))).toEqual([overallWeekAgo, overallNow]);
    expect(health.projects.map((p) => [p.projectId, p.overall]).sort()).toEqual(projects.map((id, i) => [id, overallOf(latest[i])]).sort());
  });
  const red = dataOf(await api.strategic.GET('/portfolio/metrics/red-reports', { params: { query } }));
  // Treasury has been red since its report ten days ago; Billing's run ended with its green report.
  expect(red.count).toBe(1);
  expect(red.items.map((i) => [i.projectId, i.ageDays])).toEqual([[projects[2], 10]]);
  expect(red.byProgram).toEqual([{ programId: program, count: 1, oldestDays: 10 }]);
  await eventually(async () => {
    const { waves } = dataOf(await api.strategic.GET('/portfolio/metrics/adoption-waves', { params: { query } }));
    const wave = waves.find((w) => w.versionId === format);
    expect(wave).toMatchObject({ wave: 'all', inScope: 4 });
    expect(wave?.points.map((p) => p.decided)).toEqual([0, 2]);
  });
  const definitions = dataOf(await api.strategic.GET('/portfolio/metrics/definitions'));
  expect(definitions.map((d) => d.id)).toEqual(expect.arrayContaining(['program-health', 'red-reports', 'adoption-burn-up', 'compliance-trend']));
  const bad = await api.strategic.GET('/portfolio/metrics/health', { params: { query: { weeks: 27 } } });
  expect(bad.response.status).toBe(400);
  expect(bad.error?.message).toContain('weeks');
}
