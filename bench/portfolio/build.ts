import { randomUUID } from 'node:crypto';
import type { HttpServices } from '../backbone/http/services';
import { strategicAdminToken } from '../backbone/http/token';
import { sleep } from '../backbone/stats';
import type { PortfolioBenchOptions } from './options';

/** The tag every bench program carries: standards roll out to it, and the portfolio's filters select by it. */
export const BENCH_TAG = 'bench-portfolio';
const BUILD_TIMEOUT_MS = 60 * 60_000;

export interface BuiltPortfolio {
  programIds: string[];
  rows: number;
  /** Whether this run built it (false: a previous run's portfolio of the same size, reused). */
  built: boolean;
  buildSeconds: number;
  /**
   * Of a build: the publications' seconds (their API calls), and the seconds from the first publication until
   * both models held every row, with the rows per second that makes (each model computes every row once).
   */
  models?: { publicationSeconds: number; catchUpSeconds: number; rowsPerSecond: number };
}

type Say = (line: string) => void;

/**
 * Builds programs × projects × standards through the services, or finds a previous run's: programs by
 * `POST /programs` (program-pmo, which tells strategic-pmo), projects written in bulk into both services'
 * project tables (their triggers mark the models as a registration would), standards by strategic-pmo's API
 * (publication, then the rollout's events to program-pmo). Done when both read models hold every row.
 */
export async function buildPortfolio(services: HttpServices, token: string, options: PortfolioBenchOptions, say: Say): Promise<BuiltPortfolio> {
  const rows = options.programs * options.projects * options.standards;
  const started = performance.now();
  let programIds = await benchPrograms(services);
  if (programIds.length === options.programs && (await currentRows(services)).every((n) => n === rows)) {
    say(`reusing the portfolio of a previous run: ${programIds.length} programs, ${rows.toLocaleString('en-US')} rows in each model`);
    return { programIds, rows, built: false, buildSeconds: 0 };
  }
  // Each step is skipped when a previous, interrupted run got through it: a build of 500,000 rows is long.
  if (programIds.length === 0) {
    say(`registering ${options.programs} programs through program-pmo`);
    await inParallel(options.programs, 8, async (i) => {
      const response = await post(services.programUrl, '/programs', token, { name: `Bench portfolio ${i}`, description: 'Portfolio bench', tags: [BENCH_TAG] });
      if (response.status !== 201) throw new Error(`POST /programs answered ${response.status}`);
    });
    programIds = await benchPrograms(services);
  } else if (programIds.length !== options.programs) throw new Error(`${programIds.length} bench programs in the way: run once with --drop`);
  await until(`${options.programs} programs in strategic-pmo`, async () => {
    const [{ n }] = await services.query<{ n: number }>('strategic', `SELECT count(*)::int AS n FROM portfolio_programs WHERE $1 = ANY(tags)`, [BENCH_TAG]);
    return n === options.programs;
  });
  const [{ projects }] = await services.query<{ projects: number }>(
    'program',
    `SELECT count(*)::int AS projects FROM program_projects WHERE program_id = ANY($1)`,
    [programIds],
  );
  if (projects === 0) {
    say(`writing ${(options.programs * options.projects).toLocaleString('en-US')} projects into both services' project tables`);
    await writeProjects(services, programIds, options.projects);
  }
  // The models take in the projects (no standard yet: nothing to compute) before the first publication, so each
  // publication marks one standard per project; marks left meanwhile would merge into whole-project ones.
  await until('both models caught up with the projects', async () => {
    await askForCurrent(services, programIds[0]);
    const marks = await Promise.all(
      (['program', 'strategic'] as const).map(async (service) => {
        const prefix = service === 'program' ? 'program' : 'portfolio';
        const [{ n }] = await services.query<{ n: number }>(service, `SELECT count(*)::int AS n FROM ${prefix}_compliance_marks`);
        return n;
      }),
    );
    return marks.every((n) => n === 0);
  });
  const [{ published }] = await services.query<{ published: number }>(
    'strategic',
    `SELECT count(*)::int AS published FROM standards WHERE key LIKE 'bench-portfolio-%'`,
  );
  say(`publishing ${options.standards - published} mandatory standards to the bench programs through strategic-pmo`);
  const publishing = performance.now();
  for (let s = published; s < options.standards; s += 1) await publishStandard(services.strategicUrl, token, `bench-portfolio-${s}`, programIds);
  const publicationSeconds = (performance.now() - publishing) / 1000;
  say(`waiting for both read models to hold ${rows.toLocaleString('en-US')} rows`);
  await until(
    `${rows} rows in both read models`,
    async () => {
      await askForCurrent(services, programIds[0]);
      const counts = await currentRows(services);
      say(`  program-pmo ${counts[0].toLocaleString('en-US')}, strategic-pmo ${counts[1].toLocaleString('en-US')}`);
      return counts.every((n) => n === rows);
    },
    5_000,
  );
  const catchUpSeconds = (performance.now() - publishing) / 1000;
  const newRows = programIds.length * options.projects * (options.standards - published);
  say(
    `publications ${publicationSeconds.toFixed(1)} s; both models hold every row ${catchUpSeconds.toFixed(1)} s after the first publication: ${Math.round(newRows / catchUpSeconds)} rows/s`,
  );
  return {
    programIds,
    rows,
    built: true,
    buildSeconds: (performance.now() - started) / 1000,
    models: { publicationSeconds, catchUpSeconds, rowsPerSecond: newRows / catchUpSeconds },
  };
}

// A read asks a model to catch up with what is marked (it answers once it has).
async function askForCurrent(services: HttpServices, programId: string): Promise<void> {
  const token = await strategicAdminToken();
  await Promise.all(
    [`${services.strategicUrl}/portfolio/compliance/summary?program=${programId}`, `${services.programUrl}/programs/${programId}/compliance/summary`].map(
      (url) => fetch(url, { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined),
    ),
  );
}

async function benchPrograms(services: HttpServices): Promise<string[]> {
  const found = await services.query<{ id: string }>('program', `SELECT id FROM programs WHERE $1 = ANY(tags) ORDER BY name`, [BENCH_TAG]);
  return found.map((p) => p.id);
}

async function currentRows(services: HttpServices): Promise<number[]> {
  return Promise.all(
    (['program', 'strategic'] as const).map(async (service) => {
      const prefix = service === 'program' ? 'program' : 'portfolio';
      // The bench's standards only: the services consume the shared topics, where tests may publish others.
      const [{ n }] = await services.query<{ n: number }>(
        service,
        `SELECT count(*)::int AS n FROM ${prefix}_compliance_intervals WHERE upper_inf(valid) AND standard_key LIKE 'bench-portfolio-%'`,
      );
      return n;
    }),
  );
}

async function writeProjects(services: HttpServices, programIds: readonly string[], perProgram: number): Promise<void> {
  const projects = programIds.flatMap((programId, p) =>
    Array.from({ length: perProgram }, (_, j) => ({ id: randomUUID(), programId, code: `BP-${p}-${j}`, name: `Bench project ${p}.${j}` })),
  );
  const columns = [projects.map((x) => x.id), projects.map((x) => x.programId), projects.map((x) => x.code), projects.map((x) => x.name)];
  for (const [service, table] of [
    ['program', 'program_projects'],
    ['strategic', 'portfolio_projects'],
  ] as const) {
    await services.query(
      service,
      `INSERT INTO ${table} (project_id, program_id, code, name, phase, tags, registered_at)
       SELECT id, program_id, code, name, 'execution', '{}', now() FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS p(id, program_id, code, name)`,
      columns,
    );
  }
}

/** Creates, submits and publishes a mandatory standard rolled out to these programs at once; its version's id. */
export async function publishStandard(url: string, token: string, key: string, programIds: readonly string[]): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  // Far ahead: no deadline passes (and no notice goes out) while the portfolio is measured.
  const deadline = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
  const created = await post(url, '/standards', token, { key, title: key, kind: 'standard', owner: 'PMO' });
  if (created.status !== 201) throw new Error(`POST /standards answered ${created.status}: ${JSON.stringify(created.body)}`);
  const base = `/standards/${(created.body as { id: string }).id}/versions`;
  const steps: [string, unknown][] = [
    [
      base,
      {
        version: '1.0.0',
        level: 'mandatory',
        effectiveDate: today,
        adoptionDeadline: deadline,
        applicability: { scope: 'tags', tags: [BENCH_TAG] },
        requirements: [{ id: 'STATUS-CADENCE', text: 'Report every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
      },
    ],
    [`${base}/1.0.0/submit`, undefined],
    [`${base}/1.0.0/publish`, { rollout: [{ name: 'all', programIds, programTags: [], opensOn: today, adoptionDeadline: deadline }] }],
  ];
  let answer: { status: number; body: unknown } = { status: 0, body: undefined };
  for (const [path, body] of steps) {
    answer = await post(url, path, token, body);
    if (answer.status >= 300) throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return (answer.body as { id: string }).id;
}

export async function post(url: string, path: string, token: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export async function inParallel(count: number, width: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await work((next += 1) - 1);
    }),
  );
}

async function until(what: string, done: () => Promise<boolean>, everyMs = 250): Promise<void> {
  const deadline = performance.now() + BUILD_TIMEOUT_MS;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`not reached within ${BUILD_TIMEOUT_MS / 60_000} min: ${what}`);
    await sleep(everyMs);
  }
}
