import { complianceTimeline, type ComplianceInterval, type ComplianceRowFacts, type ProjectComplianceHistory } from '@pmo/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { behindAt, tablesOf, type ComplianceModelConfig } from './compliance-model-config';

/**
 * A project to recompute, from an instant on (null: its whole history), for some standards only (null: all).
 *
 * Why one standard's rows can be recomputed alone: `complianceRows` answers each standard from that standard's
 * versions only (`governingVersions` picks per standard, grandfathering looks back within the standard), the
 * project's decisions and variances of those versions, and the project's own facts (program, registration,
 * closing, reports). Another standard's versions, decisions and variances change neither its rows nor the
 * instants they change at (see `historiesByStandard`). So a fact of one standard (its versions, wave openings,
 * decisions and variances on its versions) names that standard, and a fact of the project or program names none.
 */
export interface ProjectToRefresh {
  projectId: string;
  from: Date | null;
  standards: readonly string[] | null;
}

interface StoredInterval {
  project_id: string;
  program_id: string;
  standard_id: string;
  standard_key: string;
  version_id: string;
  version: string;
  adoption_deadline: string;
  state: ComplianceRowFacts['state'];
  valid_from: Date;
}

// Rows computed between two statements: a project counts one row per standard named, and a whole project as
// many as it may hold (50 whole projects of 50 standards: some 2.5 s at 1,000 rows/s); a chunk has at most
// `CHUNK_PROJECTS`. Chunks of 50 projects made a publication's catch-up (one standard, one row per project) pay
// each statement's fixed cost (plans, the kept counts' triggers, the history's eight queries) per 50 rows;
// at 500 projects a chunk, 1,000 rows took 0.9–1.2 s instead of 2.5–3.2 s (`bench/portfolio/refresh-phases.ts`).
const CHUNK_ROWS = 2_500;
const CHUNK_PROJECTS = 500;
const WHOLE_PROJECT_ROWS = 50;
// Due reviews recompute whole projects: this many a chunk.
const REVIEW_CHUNK = CHUNK_ROWS / WHOLE_PROJECT_ROWS;
// The most projects one fact's transaction recomputes itself (a project's own write, a decision on a few): a
// wider fact (a bulk adoption, a publication, a batch of events) leaves its marks to the catch-up, which
// recomputes them in chunks of up to 500 projects outside the writers' transactions, and a read of now
// applies them first. Under the model's lock, bulk adoptions of 50 projects recomputed in their own
// transactions took turns: 200 of them in 15–21 s at 73–103 ms each (bench/README.md, rollout).
// One catch-up transaction's projects and time.
const IN_TRANSACTION = 10;
const BATCH = 2_000;
const BATCH_MS = 2_000;

/**
 * Keeps a service's compliance intervals equal to the compliance function's answers. Facts never write here:
 * their tables' triggers mark what changed, and `applyMarks` recomputes those projects from the changed instant
 * on, in the transaction that changed them. The clock's changes (a deadline passing, an approval expiring, a
 * cadence lapsing) are due reviews that `catchUp` applies at their exact instant.
 */
export class ComplianceModel {
  private readonly t: ReturnType<typeof tablesOf>;

  constructor(private readonly config: ComplianceModelConfig) {
    this.t = tablesOf(config.prefix);
  }

  /**
   * Recomputes what this transaction's facts marked. Must run inside that transaction, before it commits: the
   * intervals then commit with the facts. A fact that reaches more than `IN_TRANSACTION` projects (a publication
   * to the whole portfolio) leaves its marks to commit instead, for `catchUp` to apply in batches right after:
   * one transaction never holds the model's lock for minutes. Says how many projects were recomputed or left.
   */
  async applyMarks(manager: EntityManager, now: Date): Promise<{ recomputed: number; left: number }> {
    const mine = `tx = pg_current_xact_id_if_assigned()`;
    const marked = await this.marked(manager, mine);
    if (marked.length > IN_TRANSACTION) return { recomputed: 0, left: marked.length };
    // Cleared even when they name no project (a program without projects yet): nothing to recompute then.
    await manager.query(`DELETE FROM ${this.t.marks} WHERE ${mine}`);
    if (marked.length > 0) {
      await this.lock(manager);
      await this.refresh(manager, marked, now);
    }
    return { recomputed: marked.length, left: 0 };
  }

  /**
   * Applies the marks left (by a fact too wide for its transaction, or a write outside a transaction), then every
   * review due by `now`, each project from its own instant; in transactions of at most `BATCH` projects. Returns
   * how many projects were recomputed.
   */
  async catchUp(dataSource: DataSource, clock: () => Date): Promise<number> {
    let refreshed = 0;
    // "Now" is read again for each chunk: a catch-up of minutes (a build, a rollout) applies marks that
    // were committed after it began; with the instant it began, a publication made meanwhile would still be in
    // the future, and its projects would wait for a review that recomputes every standard of theirs.
    for (let now = clock(); await this.isBehind(dataSource.manager, now); now = clock()) {
      const step = await dataSource.transaction(async (manager) => {
        await this.lock(manager);
        // Chunks of projects until the batch or the time budget is spent: a transaction never computes for long
        // between two statements (the pool's idle-in-transaction guard), nor holds the lock for long.
        const started = performance.now();
        let done = 0;
        while (done < BATCH && performance.now() - started < BATCH_MS) {
          const at = clock();
          const marked = await this.takeMarks(manager);
          const due = marked.length > 0 ? [] : await this.dueReviews(manager, at);
          if (marked.length + due.length === 0) break;
          await this.refresh(manager, marked.length > 0 ? marked : due, at);
          done += marked.length + due.length;
        }
        return done;
      });
      refreshed += step;
      // An empty step (only marks without projects, now cleared) ends the catch-up: never spin on one.
      if (step === 0) break;
    }
    return refreshed;
  }

  /** Whether reviews are due by `now` or marks are left: until `catchUp`, the model is behind the facts or the clock. */
  async isBehind(manager: EntityManager, now: Date): Promise<boolean> {
    const [{ behind }] = (await manager.query(`SELECT ${behindAt(this.t, '$1')} AS behind`, [now])) as { behind: boolean }[];
    return behind;
  }

  /** The instant of the earliest review, if any: a scheduler sleeps until then. */
  async nextReviewAt(manager: EntityManager): Promise<Date | null> {
    const [{ at }] = (await manager.query(`SELECT min(review_at) AS at FROM ${this.t.reviews}`)) as { at: Date | null }[];
    return at;
  }

  /**
   * Takes the marks of the next projects, a chunk's worth (`CHUNK_ROWS`), deleting them: they are what this
   * transaction recomputes. A chunk is counted over the first `CHUNK_ROWS` marks in project order (a mark one
   * row, a whole project's `WHOLE_PROJECT_ROWS`; a repeated mark counts again), so the statement reads only
   * those through the marks' project index: counting per project over all marks grouped every mark left (490,000
   * after 50 publications to 10,000 projects: 0.5 s a chunk, against 74 ms).
   * A wide mark (a program's, or every project's) first becomes one mark per project it reaches, so each batch
   * reads and deletes only its own; one that reaches no project (a program without projects yet) just goes.
   * Only rows this transaction deleted are taken: a mark committed meanwhile stays for the next batch.
   * The chunk's projects are chosen once, as an array (`= ANY(ARRAY(…))`): as `IN (subquery)`, right after a wide
   * mark became 10,000 marks that the table's statistics did not know of yet, this statement took 20–25 s a chunk
   * and a publication's catch-up in strategic-pmo 89–98 s instead of 4–5 (`bench:rollout`, full size).
   */
  private async takeMarks(manager: EntityManager): Promise<ProjectToRefresh[]> {
    const p = this.config.projects;
    await manager.query(`
      WITH wide AS (DELETE FROM ${this.t.marks} WHERE project_id IS NULL RETURNING program_id, standard_id, from_at)
      INSERT INTO ${this.t.marks} (project_id, standard_id, from_at)
      SELECT DISTINCT j.${p.id}, w.standard_id, w.from_at FROM wide w JOIN ${p.table} j ON w.program_id IS NULL OR w.program_id = j.${p.programId}`);
    const taken = (await manager.query(
      `DELETE FROM ${this.t.marks} WHERE project_id = ANY(ARRAY(
         SELECT DISTINCT project_id FROM (
           SELECT project_id, sum(weight) OVER (ORDER BY project_id) - sum(weight) OVER (PARTITION BY project_id) AS before
           FROM (SELECT project_id, CASE WHEN standard_id IS NULL THEN $2::bigint ELSE 1 END AS weight
                 FROM ${this.t.marks} ORDER BY project_id LIMIT $3) scanned) counted
         WHERE before < $3 ORDER BY project_id LIMIT $1))
       RETURNING project_id, standard_id, from_at`,
      [CHUNK_PROJECTS, WHOLE_PROJECT_ROWS, CHUNK_ROWS],
    )) as [{ project_id: string; standard_id: string | null; from_at: Date | null }[], number];
    const byProject = new Map<string, { from: number; standards: Set<string> | null }>();
    for (const mark of taken[0]) {
      const from = mark.from_at?.getTime() ?? -Infinity;
      const held = byProject.get(mark.project_id);
      if (!held) byProject.set(mark.project_id, { from, standards: mark.standard_id === null ? null : new Set([mark.standard_id]) });
      else {
        held.from = Math.min(held.from, from);
        if (mark.standard_id === null) held.standards = null;
        else held.standards?.add(mark.standard_id);
      }
    }
    return [...byProject].map(([projectId, { from, standards }]) => ({
      projectId,
      from: from === -Infinity ? null : new Date(from),
      standards: standards && [...standards],
    }));
  }

  // The next projects whose review is due, each recomputed from its review's instant.
  private async dueReviews(manager: EntityManager, now: Date): Promise<ProjectToRefresh[]> {
    const due = (await manager.query(`SELECT project_id, review_at FROM ${this.t.reviews} WHERE review_at <= $1 ORDER BY review_at LIMIT $2`, [
      now,
      REVIEW_CHUNK,
    ])) as { project_id: string; review_at: Date }[];
    return due.map((r) => ({ projectId: r.project_id, from: r.review_at, standards: null }));
  }

  // The projects the marks name (a program's or every project for wider marks), each from its earliest instant,
  // with the standards they name: one mark naming none makes it the whole project.
  private async marked(manager: EntityManager, which: string): Promise<ProjectToRefresh[]> {
    const p = this.config.projects;
    const rows = (await manager.query(`
      WITH m AS (SELECT project_id, program_id, standard_id, coalesce(from_at, '-infinity') AS from_at FROM ${this.t.marks} WHERE ${which})
      SELECT project_id, min(from_at) AS from_at,
        CASE WHEN bool_and(standard_id IS NOT NULL) THEN array_agg(DISTINCT standard_id::text) END AS standards
      FROM (
        SELECT project_id, standard_id, from_at FROM m WHERE project_id IS NOT NULL
        UNION ALL
        SELECT j.${p.id}, m.standard_id, m.from_at FROM m
          JOIN ${p.table} j ON m.project_id IS NULL AND (m.program_id IS NULL OR m.program_id = j.${p.programId})
      ) marked GROUP BY project_id ORDER BY project_id`)) as { project_id: string; from_at: Date | number; standards: string[] | null }[];
    // pg reads '-infinity' as a number: the whole history.
    return rows.map((m) => ({ projectId: m.project_id, from: m.from_at instanceof Date ? m.from_at : null, standards: m.standards }));
  }

  // One writer at a time per service: two transactions recomputing one project would both replace its rows.
  private async lock(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [this.t.intervals]);
  }

  /** Recomputes these projects' intervals from their instants to `now`, and their next review. */
  async refresh(manager: EntityManager, projects: readonly ProjectToRefresh[], now: Date): Promise<void> {
    for (const chunk of chunksOf(projects)) await this.refreshChunk(manager, chunk, now);
  }

  private async refreshChunk(manager: EntityManager, projects: readonly ProjectToRefresh[], now: Date): Promise<void> {
    const ids = projects.map((p) => p.projectId);
    // Only the named standards' history when every project names some (a publication's or an adoption's marks:
    // one standard of 50): a standard's rows read nothing of another's (see `ProjectToRefresh`), so the other
    // standards' versions, decisions and variances were read and hydrated for nothing.
    const standards = projects.some((p) => p.standards === null) ? null : [...new Set(projects.flatMap((p) => p.standards ?? []))];
    const histories = new Map((await this.config.histories(manager, ids, standards)).map((h) => [h.project.projectId, h]));
    // Rows from the first changed instant on go, of the named standards only (one row per project and standard
    // named; a null standard is every standard); the row holding at that instant comes back cut there, or merged
    // with the first recomputed interval when the state did not change (so equal answers stay one interval).
    // TypeORM answers a DELETE with [rows, count]. The `= ANY` is for the planner: it cannot see how many rows
    // the unnest holds, and joined on it alone it scanned the whole table for each chunk (26 ms of 50,000 rows,
    // growing with the model), where the project index finds the chunk's rows (4 ms).
    // When every project names standards, `standard_id = ANY` lets the project × standard index find only their
    // rows (one standard's: 500 of the chunk's 25,000 at 50 standards a project).
    const named = projects.flatMap((p) => (p.standards ?? [null]).map((standardId) => ({ ...p, standardId })));
    const [removed] = (await manager.query(
      `DELETE FROM ${this.t.intervals} i USING unnest($1::uuid[], $2::timestamptz[], $3::uuid[]) AS f(project_id, from_at, standard_id)
       WHERE i.project_id = ANY($1::uuid[]) AND ${standards ? 'i.standard_id = ANY($4::uuid[]) AND' : ''}
         i.project_id = f.project_id AND (f.standard_id IS NULL OR i.standard_id = f.standard_id)
         AND (upper_inf(i.valid) OR upper(i.valid) > coalesce(f.from_at, '-infinity'))
       RETURNING i.project_id, i.program_id, i.standard_id, i.standard_key, i.version_id, i.version, i.adoption_deadline::text, i.state,
         lower(i.valid) AS valid_from`,
      [named.map((p) => p.projectId), named.map((p) => p.from), named.map((p) => p.standardId), ...(standards ? [standards] : [])],
    )) as [StoredInterval[], number];
    const heldBefore = new Map<string, StoredInterval[]>();
    for (const row of removed) heldBefore.set(row.project_id, [...(heldBefore.get(row.project_id) ?? []), row]);
    const rows: { row: ComplianceRowFacts; from: Date; to: Date | null }[] = [];
    const reviews: { projectId: string; at: Date }[] = [];
    for (const { projectId, from, standards } of projects) {
      const whole = histories.get(projectId);
      if (!whole) continue;
      const held = heldBefore.get(projectId) ?? [];
      // One timeline per standard (see `ProjectToRefresh`: a standard's rows depend on its versions only): the
      // same intervals as one timeline over all of them, at a cost growing with the standards, not their square.
      const named = standards ?? [...new Set([...whole.versions.map((v) => v.standardId), ...held.map((h) => h.standard_id)])];
      let review: number | null = null;
      const historyOf = historiesByStandard(whole);
      for (const standardId of named) {
        const history = historyOf(standardId);
        const timeline = complianceTimeline(history, from, now);
        if (timeline.nextChangeAt && (review === null || timeline.nextChangeAt.getTime() < review)) review = timeline.nextChangeAt.getTime();
        const firstOf = new Map<string, ComplianceInterval>();
        for (const interval of timeline.intervals)
          if (interval.validFrom.getTime() === timeline.startedAt.getTime()) firstOf.set(interval.row.versionId, interval);
        // A row before the recomputed span is kept only when the span starts where it was asked to.
        const keepsBefore = from !== null && timeline.startedAt.getTime() <= from.getTime();
        for (const row of keepsBefore ? held : []) {
          if (row.standard_id !== standardId || row.valid_from.getTime() >= timeline.startedAt.getTime()) continue;
          const first = firstOf.get(row.version_id);
          if (first && sameAnswer(first.row, row)) first.validFrom = row.valid_from;
          else rows.push({ row: factsOf(row), from: row.valid_from, to: timeline.startedAt });
        }
        for (const interval of timeline.intervals) rows.push({ row: interval.row, from: interval.validFrom, to: interval.validTo });
      }
      if (review !== null) reviews.push({ projectId, at: new Date(review) });
    }
    if (rows.length > 0) {
      await manager.query(
        `INSERT INTO ${this.t.intervals} (program_id, project_id, standard_id, standard_key, version_id, version, adoption_deadline, state, valid)
         SELECT program_id, project_id, standard_id, standard_key, version_id, version, adoption_deadline, state, tstzrange(valid_from, valid_to, '[)')
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::date[], $8::text[], $9::timestamptz[], $10::timestamptz[])
           AS r(program_id, project_id, standard_id, standard_key, version_id, version, adoption_deadline, state, valid_from, valid_to)`,
        [
          rows.map((r) => r.row.programId),
          rows.map((r) => r.row.projectId),
          rows.map((r) => r.row.standardId),
          rows.map((r) => r.row.standardKey),
          rows.map((r) => r.row.versionId),
          rows.map((r) => r.row.version),
          rows.map((r) => r.row.adoptionDeadline),
          rows.map((r) => r.row.state),
          rows.map((r) => r.from),
          rows.map((r) => r.to),
        ],
      );
    }
    // A whole project's review is replaced. A partial refresh saw only some standards, so it keeps the earlier of
    // the stored review and its own: an early review only recomputes the project, which answers the same.
    const wholeIds = projects.filter((p) => p.standards === null).map((p) => p.projectId);
    if (wholeIds.length > 0) await manager.query(`DELETE FROM ${this.t.reviews} WHERE project_id = ANY($1::uuid[])`, [wholeIds]);
    if (reviews.length > 0) {
      await manager.query(
        `INSERT INTO ${this.t.reviews} AS r (project_id, review_at) SELECT * FROM unnest($1::uuid[], $2::timestamptz[])
         ON CONFLICT (project_id) DO UPDATE SET review_at = least(r.review_at, excluded.review_at)`,
        [reviews.map((r) => r.projectId), reviews.map((r) => r.at)],
      );
    }
  }
}

// The projects in order, in chunks of at most `CHUNK_ROWS` rows to compute and `CHUNK_PROJECTS` projects.
function chunksOf(projects: readonly ProjectToRefresh[]): ProjectToRefresh[][] {
  const chunks: ProjectToRefresh[][] = [];
  let chunk: ProjectToRefresh[] = [];
  let rows = 0;
  for (const project of projects) {
    const cost = project.standards?.length ?? WHOLE_PROJECT_ROWS;
    if (chunk.length > 0 && (rows + cost > CHUNK_ROWS || chunk.length === CHUNK_PROJECTS)) {
      chunks.push(chunk);
      [chunk, rows] = [[], 0];
    }
    chunk.push(project);
    rows += cost;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * A project's history narrowed to one standard: its versions, and the project's decisions and variances on them.
 * The rows of a standard read nothing else of those (`complianceRows`: decisions and variances per version, the
 * previous version within the standard), so its rows are the same as from the whole history at every instant;
 * `complianceChangeTimes` of the narrowed history still holds every instant at which they change (the project's
 * facts, its reports, this standard's versions, decisions, variances and cadences). Without the narrowing, a
 * project with decisions on 50 standards had each standard's timeline evaluated at all 50 decisions' instants,
 * each evaluation over all 50 decisions.
 */
function historiesByStandard(whole: ProjectComplianceHistory): (standardId: string) => ProjectComplianceHistory {
  const standardOf = new Map(whole.versions.map((v) => [v.versionId, v.standardId]));
  const versions = groupBy(whole.versions, (v) => v.standardId);
  const decisions = groupBy(whole.decisions, (d) => standardOf.get(d.versionId));
  const variances = groupBy(whole.variances, (v) => standardOf.get(v.versionId));
  return (standardId) => ({
    ...whole,
    versions: versions.get(standardId) ?? [],
    decisions: decisions.get(standardId) ?? [],
    variances: variances.get(standardId) ?? [],
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function sameAnswer(row: ComplianceRowFacts, held: StoredInterval): boolean {
  return row.state === held.state && row.programId === held.program_id && row.adoptionDeadline === held.adoption_deadline;
}

function factsOf(held: StoredInterval): ComplianceRowFacts {
  return {
    programId: held.program_id,
    projectId: held.project_id,
    standardId: held.standard_id,
    standardKey: held.standard_key,
    versionId: held.version_id,
    version: held.version,
    adoptionDeadline: held.adoption_deadline,
    state: held.state,
  };
}
