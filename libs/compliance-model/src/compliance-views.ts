import {
  complianceCsvHeader,
  HEATMAP_STATES,
  heatmapCell,
  rollUpCounts,
  type ComplianceRollup,
  type ComplianceState,
  type HeatmapCellTuple,
} from '@pmo/contracts';
import type { DataSource } from 'typeorm';
import type { ComplianceModelKeeper } from './compliance-model-keeper';
import {
  ComplianceQueries,
  encodeComplianceCursor,
  type ComplianceCursor,
  type ComplianceFilter,
  type ComplianceModelRow,
  type RowsPage,
} from './compliance-queries';
import type { ComplianceModelConfig } from './compliance-model-config';
import { copyCsv } from './copy-csv';
import { ViewAnswers } from './view-answers';

/**
 * An answer as JSON in two parts (the `JsonDocument` of @pmo/http's `sendJson`): `body`, all but the last member
 * and the closing brace, and `tail`, `asOf` and the brace; `kept` when the body is kept and will be sent again.
 */
export interface JsonAnswer {
  body: Buffer;
  tail: string;
  kept: boolean;
}

// Room for a few heatmaps of 10,000 cells and many summaries; more would be memory held for selections few ask.
const ANSWERS_MAX_BYTES = 16 * 1024 * 1024;

/** A selection as a screen asks it: `asOf` null means now (the service's clock). */
export type SelectionFilter = Omit<ComplianceFilter, 'asOf'> & { asOf: Date | null };

export interface ProgramLabel {
  programId: string;
  programCode: string;
  programName: string;
}

export interface ComplianceSummaryView {
  asOf: string;
  summary: ComplianceRollup;
  byProgram: (ProgramLabel & ComplianceRollup)[];
  byStandard: ({ standardKey: string } & ComplianceRollup)[];
}

/**
 * Counts per program × standard, compact: programs and standards listed once, each cell naming them by index with
 * its counts in the order of `states` (see `heatmapCell` of @pmo/contracts), by program then standard.
 */
export interface ComplianceHeatmapView {
  asOf: string;
  states: readonly ComplianceState[];
  programs: ProgramLabel[];
  standards: string[];
  cells: HeatmapCellTuple[];
}

export interface ComplianceRowsView {
  asOf: string;
  rows: ComplianceModelRow[];
  /** Cursor of the next page; null on the last one. */
  next: string | null;
}

/** The compliance screens' answers from the read model: summary, heatmap, pages and CSV, all filtered in SQL. */
export class ComplianceViews {
  private readonly queries: ComplianceQueries;
  private readonly answers = new ViewAnswers(ANSWERS_MAX_BYTES);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ComplianceModelConfig,
    private readonly keeper: ComplianceModelKeeper,
    private readonly now: () => Date,
  ) {
    this.queries = new ComplianceQueries(config);
  }

  /** Counts for the whole selection, per program (with its labels) and per standard, as JSON (`ComplianceSummaryView`). */
  async summary(selection: SelectionFilter): Promise<JsonAnswer> {
    return this.answer('summary', selection, async (filter) => {
      const { counts, version } = await this.queries.countsByEach(this.dataSource.manager, filter, [[], ['program_id'], ['standard_key']]);
      const [all, byProgram, byStandard] = counts;
      const labels = await this.programLabels(byProgram.map((g) => g.program_id as string));
      const view: Omit<ComplianceSummaryView, 'asOf'> = {
        summary: rollUpCounts(all[0]?.counts ?? {}),
        byProgram: labels.map((label) => ({ ...label, ...rollUpCounts(byProgram.find((g) => g.program_id === label.programId)?.counts ?? {}) })),
        byStandard: byStandard
          .map((g) => ({ standardKey: g.standard_key as string, ...rollUpCounts(g.counts) }))
          .sort((a, b) => a.standardKey.localeCompare(b.standardKey)),
      };
      return { json: JSON.stringify(view), version };
    });
  }

  /** Counts per program × standard, one cell per pair that has rows, as compact JSON (`ComplianceHeatmapView`). */
  async heatmap(selection: SelectionFilter): Promise<JsonAnswer> {
    return this.answer('heatmap', selection, async (filter) => {
      const { counts: cells, version } = await this.queries.countsBy(this.dataSource.manager, filter, ['program_id', 'standard_key']);
      const programs = await this.programLabels([...new Set(cells.map((c) => c.program_id as string))]);
      const standards = [...new Set(cells.map((c) => c.standard_key as string))].sort();
      const programIndex = new Map(programs.map((p, i) => [p.programId, i]));
      const standardIndex = new Map(standards.map((key, i) => [key, i]));
      const view: Omit<ComplianceHeatmapView, 'asOf'> = {
        states: HEATMAP_STATES,
        programs,
        standards,
        cells: cells
          .map((c) => heatmapCell(programIndex.get(c.program_id as string) ?? -1, standardIndex.get(c.standard_key as string) ?? -1, c.counts))
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]),
      };
      return { json: JSON.stringify(view), version };
    });
  }

  /**
   * An answer as JSON: the rest, which the kept counts' version names when they gave it (`ViewAnswers`), then
   * `asOf`: the same selection at the same version is the same bytes, whatever the instant (every instant at or
   * after the boundary has the same open rows), and the same kept bytes (and their gzip, see `sendJson`) go to
   * every request until the version changes. A repeated request costs the version's read.
   * Labels are read after the counts' snapshot: a label changed since bumped the version past the one kept.
   */
  private async answer(
    kind: string,
    selection: SelectionFilter,
    compute: (filter: ComplianceFilter) => Promise<{ json: string; version: string | null }>,
  ): Promise<JsonAnswer> {
    const { filter, keptVersion } = await this.readyToAnswer(selection);
    const tail = `,"asOf":"${filter.asOf.toISOString()}"}`;
    const key = JSON.stringify([kind, filter.reachable, filter.program, filter.standard, filter.state, filter.tag]);
    const { body, kept } = await this.answers.keptOrComputed(key, keptVersion, async () => {
      const { json, version } = await compute(filter);
      // The view's JSON without its closing brace goes before the tail's.
      return { body: Buffer.from(json.slice(0, -1)), version };
    });
    return { body, tail, kept };
  }

  /**
   * One page of rows after `cursor` (see `decodeComplianceCursor`; null: the first page), as JSON
   * (`ComplianceRowsView`). A first page is kept as a summary is (`answer`): it is what every visit of a screen
   * asks; a later page is computed for the one request that follows its cursor.
   */
  async rows(selection: SelectionFilter, cursor: ComplianceCursor | null, limit: number): Promise<JsonAnswer> {
    const rowsJson = (page: RowsPage) => `{"rows":${page.rowsJson},"next":${page.next ? JSON.stringify(encodeComplianceCursor(page.next)) : 'null'}}`;
    if (cursor === null) {
      return this.answer(`first page of ${limit}`, selection, async (filter) => {
        const { page, version } = await this.queries.pageWithVersion(this.dataSource.manager, filter, limit);
        return { json: rowsJson(page), version };
      });
    }
    const filter = await this.ready(selection);
    const json = rowsJson(await this.queries.page(this.dataSource.manager, filter, cursor, limit));
    return { body: Buffer.from(json.slice(0, -1)), tail: `,"asOf":"${filter.asOf.toISOString()}"}`, kept: false };
  }

  /**
   * Every selected row as CSV, the header first, then the rows in the order of pages as PostgreSQL writes them
   * (see `copyCsv`): the caller writes each chunk and waits for the socket to drain, so memory holds a chunk
   * whatever the size of the export, and the export is one statement, so each row comes out exactly once.
   */
  async *csv(selection: SelectionFilter): AsyncGenerator<string | Buffer> {
    const filter = await this.ready(selection);
    yield complianceCsvHeader();
    yield* copyCsv(this.dataSource, this.queries.csvSelect(filter));
  }

  /**
   * The selection ready to answer (`ready`) and, unless words filter it, the kept counts' version at its instant
   * (null: none answers for it). For now, whether the keeper must catch up first and the version are read in
   * one statement; only a model found behind pays `current()` and a second read.
   */
  private async readyToAnswer(selection: SelectionFilter): Promise<{ filter: ComplianceFilter; keptVersion: string | null }> {
    if (selection.text !== undefined) return { filter: await this.ready(selection), keptVersion: null };
    const manager = this.dataSource.manager;
    const now = this.now();
    const filter = { ...selection, asOf: selection.asOf ?? now };
    const reached = reachedBy(selection, now);
    const { behind, version } = await this.queries.keptVersionIfCurrent(manager, reached, filter.asOf);
    if (!behind) return { filter, keptVersion: version };
    await this.keeper.current(reached);
    return { filter, keptVersion: await this.queries.keptVersionAt(manager, filter.asOf) };
  }

  // "Now" needs the clock's changes and the writes applied; a past instant those that reach it (see `current`).
  private async ready(filter: SelectionFilter): Promise<ComplianceFilter> {
    const now = this.now();
    await this.keeper.current(reachedBy(filter, now));
    return { ...filter, asOf: filter.asOf ?? now };
  }

  private async programLabels(ids: readonly string[]): Promise<ProgramLabel[]> {
    if (ids.length === 0) return [];
    const g = this.config.programs;
    const found = (await this.dataSource.query(`SELECT ${g.id} AS id, ${g.code} AS code, ${g.name} AS name FROM ${g.table} WHERE ${g.id} = ANY($1::uuid[])`, [
      ids,
    ])) as { id: string; code: string; name: string }[];
    const byId = new Map(found.map((p) => [p.id, p]));
    return ids
      .map((id) => ({ programId: id, programCode: byId.get(id)?.code ?? id, programName: byId.get(id)?.name ?? id }))
      .sort((a, b) => a.programName.localeCompare(b.programName));
  }
}

/**
 * The instant up to which the model must have caught up to answer: a past instant's own (marks left, or a review
 * due by it not applied yet because the clock just moved past it, would make its stored rows wrong), else now.
 */
function reachedBy(selection: SelectionFilter, now: Date): Date {
  return selection.asOf && selection.asOf <= now ? selection.asOf : now;
}
