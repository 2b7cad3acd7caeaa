import type { ComplianceState, LabelledComplianceRow } from '@pmo/contracts';
import type { EntityManager } from 'typeorm';
import { behindAt, tablesOf, type ComplianceModelConfig, type LabelTables } from './compliance-model-config';

/** Which rows: those valid at an instant, of the programs the caller may see (null: all), with optional filters. */
export interface ComplianceFilter {
  asOf: Date;
  reachable: readonly string[] | null;
  program?: string;
  standard?: string;
  state?: ComplianceState;
  tag?: string;
  /** Words found in the program's or the project's code or name, case aside. */
  text?: string;
}

/** Position after the last row of a page, in the order of the model's key. */
export interface ComplianceCursor {
  programId: string;
  standardKey: string;
  projectId: string;
  versionId: string;
}

/** A page of rows as the JSON text of the array, and the cursor after its last row when more follow. */
export interface RowsPage {
  rowsJson: string;
  next: ComplianceCursor | null;
}

/** A row of a page: the labelled row and since when it has held its state. */
export type ComplianceModelRow = LabelledComplianceRow & { since: string };

export type GroupColumn = 'program_id' | 'standard_key';

/** Counts and, when the kept counts gave them, their version (null: counted from the intervals). */
export interface VersionedCounts<T> {
  counts: T;
  version: string | null;
}

/** Counts per state for one group (keys absent when not grouped by them). */
export interface GroupCounts {
  program_id?: string;
  standard_key?: string;
  counts: Partial<Record<ComplianceState, number>>;
}

type Config = Pick<ComplianceModelConfig, 'prefix'> & LabelTables;

/** Reads of the compliance read model: counts grouped in SQL, keyset pages, all of it filtered in SQL. */
export class ComplianceQueries {
  private readonly tables: ReturnType<typeof tablesOf>;

  constructor(private readonly config: Config) {
    this.tables = tablesOf(config.prefix);
  }

  /** Rows per state, grouped by program, standard, both or nothing. */
  async countsBy(manager: EntityManager, filter: ComplianceFilter, groups: readonly GroupColumn[]): Promise<VersionedCounts<GroupCounts[]>> {
    const { counts, version } = await this.countsByEach(manager, filter, [groups]);
    return { counts: counts[0], version };
  }

  /**
   * Rows per state for several groupings at once, in one read (GROUPING SETS). From the kept counts of the open
   * rows when they answer for the instant (see `createKeptCounts`) and no filter looks into projects (text);
   * otherwise from every row valid at the instant. One snapshot for both reads: the boundary checked is the one
   * the counts were kept to, and the version read with it names what they answer (see `createViewsVersion`).
   */
  async countsByEach(
    manager: EntityManager,
    filter: ComplianceFilter,
    groupings: readonly (readonly GroupColumn[])[],
  ): Promise<VersionedCounts<GroupCounts[][]>> {
    return manager.transaction('REPEATABLE READ', async (snapshot) => {
      const version = filter.text === undefined ? await this.keptVersionAt(snapshot, filter.asOf) : null;
      const kept = version !== null;
      const { where, params, joins } = this.whereOf(filter, false, kept ? 'none' : 'ranged');
      const [from, count] = kept ? [this.tables.counts, 'sum(i.n)::int'] : [this.tables.intervals, 'count(*)::int'];
      const sets = groupings.map((groups) => `(${[...groups.map((g) => `i.${g}`), 'i.state'].join(', ')})`);
      const rows = (await snapshot.query(
        `SELECT i.program_id, i.standard_key, i.state, ${count} AS n, GROUPING(i.program_id, i.standard_key) AS grouping
         FROM ${from} i ${joins} WHERE ${where} GROUP BY GROUPING SETS (${sets.join(', ')})`,
        params,
      )) as (Record<GroupColumn, string> & { state: ComplianceState; n: number; grouping: number })[];
      return { counts: groupings.map((groups) => groupsOf(rows, groups)), version };
    });
  }

  /**
   * The version of the kept counts when they answer for `instant` (every row valid at it is an open row: the
   * instant is at or after the last boundary stored), else null; one statement, so one snapshot.
   */
  async keptVersionAt(manager: EntityManager, instant: Date): Promise<string | null> {
    const [found] = (await manager.query(`SELECT version::text AS version FROM ${this.tables.boundary} WHERE latest <= $1`, [instant])) as {
      version: string;
    }[];
    return found?.version ?? null;
  }

  /**
   * Whether the model is behind at `behind` (`behindAt`, what the keeper's `current()` asks first) and the kept
   * counts' version at `instant` (`keptVersionAt`), in one statement: one round trip to the database where a
   * read that finds the model current made two.
   */
  async keptVersionIfCurrent(manager: EntityManager, behind: Date, instant: Date): Promise<{ behind: boolean; version: string | null }> {
    const [found] = (await manager.query(
      `SELECT ${behindAt(this.tables, '$1::timestamptz')} AS behind, (SELECT version::text FROM ${this.tables.boundary} WHERE latest <= $2) AS version`,
      [behind, instant],
    )) as { behind: boolean; version: string | null }[];
    return found;
  }

  /**
   * The first page (`page`) and, when the kept counts answer for its instant and no words filter it, their
   * version, in one snapshot: the page is what that version names (see `countsByEach`).
   */
  async pageWithVersion(manager: EntityManager, filter: ComplianceFilter, limit: number): Promise<{ page: RowsPage; version: string | null }> {
    return manager.transaction('REPEATABLE READ', async (snapshot) => {
      const version = filter.text === undefined ? await this.keptVersionAt(snapshot, filter.asOf) : null;
      return { page: await this.page(snapshot, filter, null, limit), version };
    });
  }

  /**
   * Up to `limit` rows after `after`, ordered by program, standard, project, version, as the JSON text of the
   * array (`ComplianceModelRow`s, written by PostgreSQL: no row is parsed, built as an object and serialised
   * again in Node); `next` when more follow.
   */
  async page(manager: EntityManager, filter: ComplianceFilter, after: ComplianceCursor | null, limit: number): Promise<RowsPage> {
    const { where, params, joins } = this.whereOf(filter, true, 'bounds');
    const conditions = [where];
    if (after) {
      params.push(after.programId, after.standardKey, after.projectId, after.versionId);
      const n = params.length;
      conditions.push(`(i.program_id, i.standard_key, i.project_id, i.version_id) > ($${n - 3}::uuid, $${n - 2}::text, $${n - 1}::uuid, $${n}::uuid)`);
    }
    params.push(limit + 1);
    const { programs: g, projects: j } = this.config;
    // Keys in `ComplianceModelRow`'s order; `since` as Date.toISOString writes it (the bounds are stored in ms).
    const found = (await manager.query(
      `SELECT json_build_object('programId', i.program_id, 'programCode', coalesce(g.${g.code}, i.program_id::text),
           'programName', coalesce(g.${g.name}, i.program_id::text), 'projectId', i.project_id, 'projectCode', coalesce(j.${j.code}, i.project_id::text),
           'projectName', coalesce(j.${j.name}, i.project_id::text), 'standardId', i.standard_id, 'standardKey', i.standard_key,
           'versionId', i.version_id, 'version', i.version, 'adoptionDeadline', i.adoption_deadline::text, 'state', i.state,
           'since', to_char(lower(i.valid) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text AS row,
         i.program_id, i.standard_key, i.project_id, i.version_id
       FROM ${this.tables.intervals} i ${joins} WHERE ${conditions.join(' AND ')}
       ORDER BY i.program_id, i.standard_key, i.project_id, i.version_id LIMIT $${params.length}`,
      params,
    )) as PageRow[];
    const rows = found.slice(0, limit);
    const last = rows[rows.length - 1];
    return {
      rowsJson: `[${rows.map((r) => r.row).join(',')}]`,
      next:
        found.length > limit && last
          ? { programId: last.program_id, standardKey: last.standard_key, projectId: last.project_id, versionId: last.version_id }
          : null,
    };
  }

  /**
   * The CSV columns of every selected row (`complianceCsvLine`'s, in its order), in the order of pages: the
   * statement an export runs once, as a whole, instead of a page at a time.
   */
  csvSelect(filter: ComplianceFilter): { sql: string; params: unknown[] } {
    const { where, params, joins } = this.whereOf(filter, true, 'bounds');
    const { programs: g, projects: j } = this.config;
    const sql = `SELECT i.program_id, ${cell(`coalesce(g.${g.code}, i.program_id::text)`)}, ${cell(`coalesce(g.${g.name}, i.program_id::text)`)},
         i.project_id, ${cell(`coalesce(j.${j.code}, i.project_id::text)`)}, ${cell(`coalesce(j.${j.name}, i.project_id::text)`)},
         ${cell('i.standard_key')}, i.version, i.adoption_deadline::text, i.state
       FROM ${this.tables.intervals} i ${joins} WHERE ${where}
       ORDER BY i.program_id, i.standard_key, i.project_id, i.version_id`;
    return { sql, params };
  }

  // Program and project labels are joined only where a filter or the rows need them.
  // The instant: `ranged` tests it with `@>`, which the GiST index answers (counts); `bounds` with bounds it
  // cannot, so that a page walks the key index in order and stops at its limit instead of sorting every row;
  // `none` leaves it out (the kept counts, of the rows valid at it, have no range).
  private whereOf(filter: ComplianceFilter, labelled: boolean, instant: 'ranged' | 'bounds' | 'none'): { where: string; params: unknown[]; joins: string } {
    const { programs: g, projects: j } = this.config;
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    // Now is an instant like any other: after the clock was moved back, rows valid then are not the open ones.
    const conditions: string[] = [];
    if (instant !== 'none') {
      const at = `${add(filter.asOf)}::timestamptz`;
      conditions.push(instant === 'ranged' ? `i.valid @> ${at}` : `lower(i.valid) <= ${at} AND (upper_inf(i.valid) OR upper(i.valid) > ${at})`);
    }
    if (filter.reachable) conditions.push(`i.program_id = ANY(${add(filter.reachable)}::uuid[])`);
    if (filter.program) conditions.push(`i.program_id = ${add(filter.program)}::uuid`);
    if (filter.standard) conditions.push(`i.standard_key = ${add(filter.standard)}`);
    if (filter.state) conditions.push(`i.state = ${add(filter.state)}`);
    if (filter.tag) conditions.push(`${add(filter.tag)} = ANY(g.${g.tags})`);
    if (filter.text) {
      const like = add(`%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      conditions.push(`(g.${g.code} ILIKE ${like} OR g.${g.name} ILIKE ${like} OR j.${j.code} ILIKE ${like} OR j.${j.name} ILIKE ${like})`);
    }
    const joinsPrograms = labelled || filter.tag !== undefined || filter.text !== undefined;
    const joinsProjects = labelled || filter.text !== undefined;
    const joins = [
      joinsPrograms ? `LEFT JOIN ${g.table} g ON g.${g.id} = i.program_id` : '',
      joinsProjects ? `LEFT JOIN ${j.table} j ON j.${j.id} = i.project_id` : '',
    ].join(' ');
    return { where: conditions.length > 0 ? conditions.join(' AND ') : 'TRUE', params, joins };
  }
}

// GROUPING(program_id, standard_key) sets a bit for each column a row's grouping leaves out.
function groupsOf(
  rows: readonly (Record<GroupColumn, string> & { state: ComplianceState; n: number; grouping: number })[],
  groups: readonly GroupColumn[],
): GroupCounts[] {
  const mask = (groups.includes('program_id') ? 0 : 2) | (groups.includes('standard_key') ? 0 : 1);
  const byKey = new Map<string, GroupCounts>();
  for (const row of rows) {
    if (row.grouping !== mask) continue;
    const key = groups.map((g) => row[g]).join('\u0000');
    let group = byKey.get(key);
    if (!group) {
      group = { counts: {} };
      for (const g of groups) group[g] = row[g];
      byKey.set(key, group);
    }
    group.counts[row.state] = row.n;
  }
  return [...byKey.values()];
}

/** A page's row: its JSON text and its key (for the cursor of the next page). */
interface PageRow {
  row: string;
  program_id: string;
  standard_key: string;
  project_id: string;
  version_id: string;
}

/** Opaque to clients; a page continues strictly after this position. */
export function encodeComplianceCursor(cursor: ComplianceCursor): string {
  return Buffer.from(JSON.stringify([cursor.programId, cursor.standardKey, cursor.projectId, cursor.versionId])).toString('base64url');
}

/** The cursor, or undefined when `raw` is not one this service gave out. */
export function decodeComplianceCursor(raw: string): ComplianceCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 4 || !parsed.every((part) => typeof part === 'string')) return undefined;
    const [programId, standardKey, projectId, versionId] = parsed as string[];
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    return [programId, projectId, versionId].every((id) => uuid.test(id)) ? { programId, standardKey, projectId, versionId } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A text column as `csvCell` writes it: a value a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
 * gets a leading apostrophe; PostgreSQL's CSV then quotes it as `csvCell` does.
 */
function cell(column: string): string {
  return `CASE WHEN left(${column}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${column} ELSE ${column} END`;
}
