import { strategicAdminToken } from '../backbone/http/token';
import type { HttpServices } from '../backbone/http/services';
import { sleep } from '../backbone/stats';
import { BENCH_TAG, inParallel, post, publishStandard } from '../portfolio/build';

/** How long until every project showed a state through each service's API, from the first call. */
export interface Reached {
  /** The calls themselves (one publication; or one bulk adoption per program). */
  callsSeconds: number;
  /** Until strategic-pmo's portfolio summary counted every project in the state. */
  portfolioSeconds: number;
  /** Until program-pmo's summary of every program counted all its projects in the state. */
  programsSeconds: number;
  /** The later of the two: the figure compared with the floor. */
  seconds: number;
}

export interface RolloutRun {
  mode: string;
  projects: number;
  publication: Reached;
  adoption: Reached;
  loadAverage: { before: number; after: number };
}

const TIMEOUT_MS = 30 * 60_000;
type Counts = { summary: { total: number; byState: Record<string, number> } };

/**
 * Publishes one mandatory standard rolled out to every bench program, waits until every project's row is
 * pending through both services' APIs; then adopts it for every project (one bulk call per program, 8 at a
 * time) and waits until every row shows adopted through both.
 */
export async function measureRollout(services: HttpServices, programIds: readonly string[]): Promise<Omit<RolloutRun, 'mode' | 'loadAverage'>> {
  const projectsOf = new Map<string, string[]>();
  for (const row of await services.query<{ program_id: string; project_id: string }>(
    'program',
    `SELECT program_id, project_id FROM program_projects WHERE program_id = ANY($1) ORDER BY project_id`,
    [programIds],
  ))
    projectsOf.set(row.program_id, [...(projectsOf.get(row.program_id) ?? []), row.project_id]);
  const projects = [...projectsOf.values()].reduce((n, ids) => n + ids.length, 0);
  const key = `bench-rollout-${Date.now().toString(36)}`;
  let token = await strategicAdminToken();

  const published = performance.now();
  const versionId = await publishStandard(services.strategicUrl, token, key, programIds);
  const publication = await reached(services, key, 'pending', projectsOf, published, performance.now());

  token = await strategicAdminToken();
  const adopting = performance.now();
  await inParallel(programIds.length, 8, async (i) => {
    const programId = programIds[i];
    const answer = await post(services.programUrl, `/programs/${programId}/adoptions`, token, {
      versionId,
      projectIds: projectsOf.get(programId) ?? [],
      decision: 'adopt',
      reason: 'rollout bench',
    });
    if (answer.status !== 201) throw new Error(`POST /programs/${programId}/adoptions answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  });
  const adoption = await reached(services, key, 'adopted', projectsOf, adopting, performance.now());
  return { projects, publication, adoption };
}

// Both services' APIs polled at once: the portfolio's summary of the standard, and each program's (8 at a time,
// a program left out once it shows every project in the state).
async function reached(
  services: HttpServices,
  key: string,
  state: string,
  projectsOf: ReadonlyMap<string, string[]>,
  started: number,
  called: number,
): Promise<Reached> {
  const total = [...projectsOf.values()].reduce((n, ids) => n + ids.length, 0);
  const since = () => (performance.now() - started) / 1000;
  const portfolio = poll(async (token) => {
    const counts = await get<Counts>(`${services.strategicUrl}/portfolio/compliance/summary?standard=${key}&tag=${BENCH_TAG}`, token);
    return counts?.summary.byState[state] === total;
  }).then(since);
  const programs = (async () => {
    const left = new Set(projectsOf.keys());
    await poll(async (token) => {
      const round = [...left];
      await inParallel(round.length, 8, async (i) => {
        const programId = round[i];
        const counts = await get<Counts>(`${services.programUrl}/programs/${programId}/compliance/summary?standard=${key}`, token);
        if (counts?.summary.byState[state] === projectsOf.get(programId)?.length) left.delete(programId);
      });
      return left.size === 0;
    });
    return since();
  })();
  const [portfolioSeconds, programsSeconds] = await Promise.all([portfolio, programs]);
  return { callsSeconds: (called - started) / 1000, portfolioSeconds, programsSeconds, seconds: Math.max(portfolioSeconds, programsSeconds) };
}

async function poll(done: (token: string) => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS;
  let token = await strategicAdminToken();
  let fetched = performance.now();
  while (!(await done(token))) {
    if (performance.now() > deadline) throw new Error(`not reached within ${TIMEOUT_MS / 60_000} min`);
    await sleep(50);
    // A token lives a few minutes; a long wait asks for a new one now and then.
    if (performance.now() - fetched > 60_000) [token, fetched] = [await strategicAdminToken(), performance.now()];
  }
}

async function get<T>(url: string, token: string): Promise<T | undefined> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
  if (!response?.ok) return undefined;
  return (await response.json()) as T;
}
