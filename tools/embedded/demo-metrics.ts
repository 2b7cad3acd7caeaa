import type { DemoApi } from './demo-api';
import type { DemoHistory } from './demo-history';

type Rating = 'green' | 'amber' | 'red';

interface Project {
  projectId: string;
  closedAt: string | null;
}

const WEEKS = 13;
const GRAVITY: Rating[] = ['green', 'amber', 'red'];
const worse = (a: Rating, b: Rating): Rating => (GRAVITY.indexOf(a) >= GRAVITY.indexOf(b) ? a : b);

// Five storylines, by project: steady; a schedule wobble mid-quarter; a budget going amber then red (the red
// report the steering committee should see); an early schedule slip recovered; a late schedule worry.
function ratingsOf(story: number, week: number): { schedule: Rating; budget: Rating } {
  switch (story) {
    case 1:
      return { schedule: week >= 4 && week <= 8 ? 'amber' : 'green', budget: 'green' };
    case 2:
      return { schedule: week >= 10 ? 'amber' : 'green', budget: week >= 10 ? 'red' : week >= 6 ? 'amber' : 'green' };
    case 3:
      return { schedule: week >= 2 && week <= 4 ? 'red' : 'green', budget: 'green' };
    case 4:
      return { schedule: week >= 9 ? 'amber' : 'green', budget: 'green' };
    default:
      return { schedule: 'green', budget: 'green' };
  }
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A quarter of status reports, so the metrics have history: project-pmo's clock goes back 13 weeks (`history`)
 * and every open project reports every other week, in the status-report format, which marks schedule, budget
 * and overall health.
 */
export async function loadDemoMetrics(api: DemoApi, history: DemoHistory): Promise<boolean> {
  const strategic = api.urls['strategic-pmo'];
  const health = (await api.call('GET', `${strategic}/portfolio/metrics/health?weeks=${WEEKS}`)) as { trend: { green: number; amber: number; red: number }[] };
  const first = health.trend[0];
  if (first.green + first.amber + first.red > 0) return false;
  if (!history.movable) return false;
  const format = await reportFormat(api);
  const programs = (await api.call('GET', `${api.urls['program-pmo']}/programs`)) as { id: string }[];
  const projects: string[] = [];
  for (const { id } of programs) {
    const listed = (await api.call('GET', `${api.urls['program-pmo']}/programs/${id}/projects`)) as Project[];
    projects.push(...listed.filter((p) => p.closedAt === null).map((p) => p.projectId));
  }
  const now = Date.now();
  // Fortnightly, as the status-reporting standard asks: a report speaks for 35 days, so none goes unrated.
  for (let week = 0; week < WEEKS; week += 2) {
    // Each report covers the fortnight before it, and goes in an hour before that week's end in the metrics.
    const at = now - (WEEKS - 1 - week) * 7 * 86_400_000 - 3_600_000;
    await history.at(new Date(at), ['project-pmo']);
    await Promise.all(
      projects.map((projectId, index) => {
        const { schedule, budget } = ratingsOf(index % 5, week);
        return api.call('POST', `${api.urls['project-pmo']}/projects/${projectId}/status-reports`, {
          formatVersionId: format,
          report: {
            period: { from: dayOf(at - 14 * 86_400_000), to: dayOf(at - 86_400_000) },
            overallHealth: worse(schedule, budget),
            schedule: { status: schedule === 'green' ? 'on-track' : schedule === 'amber' ? 'at-risk' : 'late', health: schedule },
            budget: { health: budget },
            issues: [],
            risks: [],
          },
        });
      }),
    );
  }
  return true;
}

async function reportFormat(api: DemoApi): Promise<string> {
  const standards = (await api.call('GET', `${api.urls['strategic-pmo']}/standards?limit=100`)) as { items: { id: string; key: string }[] };
  const format = standards.items.find((s) => s.key === 'status-report');
  if (!format) throw new Error('the demo status-report format is missing');
  const detail = (await api.call('GET', `${api.urls['strategic-pmo']}/standards/${format.id}`)) as { versions: { version: string; state: string }[] };
  const published = detail.versions.find((v) => v.state === 'published');
  if (!published) throw new Error('the demo status-report format has no published version');
  return ((await api.call('GET', `${api.urls['strategic-pmo']}/standards/${format.id}/versions/${published.version}`)) as { id: string }).id;
}
