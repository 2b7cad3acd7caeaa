import type { ProgramInScope } from '../standards/standard-scope';
import {
  complianceRows,
  REPORTING_CADENCE_REQUIREMENT,
  type ComplianceRowFacts,
  type DecisionFacts,
  type ProjectFacts,
  type ReportFacts,
  type VarianceFacts,
  type VersionFacts,
} from './compliance-rows';

/** Everything one project's compliance depends on: its program, itself, the versions, and its own history. */
export interface ProjectComplianceHistory {
  program: ProgramInScope;
  project: ProjectFacts;
  versions: readonly VersionFacts[];
  decisions: readonly DecisionFacts[];
  reports: readonly ReportFacts[];
  variances: readonly VarianceFacts[];
}

/** One project × version row holding one state from `validFrom` (inclusive) to `validTo` (exclusive; null: still). */
export interface ComplianceInterval {
  row: ComplianceRowFacts;
  validFrom: Date;
  validTo: Date | null;
}

/** A project's intervals from a start to an end, and the first instant after the end at which they change. */
export interface ComplianceTimeline {
  /** Where the intervals start: `from`, or the project's first fact when that is later (or `from` is null). */
  startedAt: Date;
  intervals: ComplianceInterval[];
  nextChangeAt: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every instant at which the compliance rules may give a project a different answer: the facts' own times and
 * the clock's (the day after a deadline, an expiry or a condition's due day; the first millisecond after a report
 * cadence lapses, for every cadence the project could be measured by). Between two consecutive instants
 * `complianceRows` answers the same, so evaluating it at each instant yields the whole history. Sorted, unique.
 */
export function complianceChangeTimes(history: ProjectComplianceHistory): number[] {
  const { project, versions, decisions, reports, variances } = history;
  const times: number[] = [project.registeredAt.getTime()];
  if (project.closedAt) times.push(project.closedAt.getTime());
  const dayAfter = (day: string) => Date.parse(`${day}T00:00:00Z`) + DAY_MS;
  const cadenceStarts: number[] = [];
  const cadences = new Set<number>();
  for (const v of versions) {
    times.push(v.publishedAt.getTime(), Date.parse(`${v.effectiveDate}T00:00:00Z`), dayAfter(v.adoptionDeadline));
    if (v.endedAt) times.push(v.endedAt.getTime());
    for (const wave of v.rollout) times.push(dayAfter(wave.adoptionDeadline));
    for (const openedAt of v.wavesOpenedAt.values()) times.push(openedAt.getTime());
    cadenceStarts.push(v.publishedAt.getTime(), ...[...v.wavesOpenedAt.values()].map((d) => d.getTime()));
    const cadence = v.requirements.find((r) => r.id === REPORTING_CADENCE_REQUIREMENT)?.leeway;
    if (cadence?.kind === 'range') cadences.add(cadence.max);
  }
  for (const d of decisions) {
    times.push(d.decidedAt.getTime());
    const tailored = d.choices?.[REPORTING_CADENCE_REQUIREMENT];
    if (typeof tailored === 'number') cadences.add(tailored);
  }
  for (const r of reports) {
    times.push(r.submittedAt.getTime());
    cadenceStarts.push(r.submittedAt.getTime());
  }
  for (const v of variances) {
    times.push(v.submittedAt.getTime(), dayAfter(v.expiresOn));
    if (v.decided) times.push(v.decided.at.getTime());
    if (v.endedAt) times.push(v.endedAt.getTime());
    for (const c of v.conditions ?? []) {
      times.push(dayAfter(c.dueOn));
      if (c.metAt) times.push(c.metAt.getTime());
    }
    for (const d of v.deviations ?? []) if (d.requirementId === REPORTING_CADENCE_REQUIREMENT && typeof d.value === 'number') cadences.add(d.value);
  }
  // A report is late from the first millisecond after `maxDays` × 24 h: `complianceStateOf` compares strictly.
  for (const start of cadenceStarts) for (const days of cadences) times.push(start + days * DAY_MS + 1);
  return [...new Set(times.filter(Number.isFinite))].sort((a, b) => a - b);
}

/**
 * A project's compliance as intervals from `from` (null: its first fact) to `to`, each the answer of
 * `complianceRows` over the facts: the rules stay in one place and the intervals only record their answers.
 * Adjacent instants with the same answer make one interval; an interval still holding at `to` has `validTo` null.
 * `nextChangeAt` is the first instant after `to` at which the answer changes with no new fact (a deadline
 * passing, an approval expiring, a cadence lapsing), or null when none will.
 */
export function complianceTimeline(history: ProjectComplianceHistory, from: Date | null, to: Date): ComplianceTimeline {
  const times = complianceChangeTimes(history);
  const toMs = to.getTime();
  const start = Math.min(toMs, from === null ? times[0] : Math.max(from.getTime(), times[0]));
  const open = new Map<string, ComplianceInterval>();
  const intervals: ComplianceInterval[] = [];
  const apply = (at: number) => {
    const rows = new Map(rowsAt(history, new Date(at)).map((row) => [row.versionId, row]));
    for (const [versionId, held] of open) {
      const row = rows.get(versionId);
      if (row && sameRow(row, held.row)) rows.delete(versionId);
      else {
        held.validTo = new Date(at);
        open.delete(versionId);
      }
    }
    for (const [versionId, row] of rows) {
      const interval: ComplianceInterval = { row, validFrom: new Date(at), validTo: null };
      open.set(versionId, interval);
      intervals.push(interval);
    }
  };
  apply(start);
  for (const at of times) if (at > start && at <= toMs) apply(at);
  const heldAtEnd = rowsAt(history, new Date(toMs));
  const nextChangeAt = times.find((at) => at > toMs && !sameRows(rowsAt(history, new Date(at)), heldAtEnd));
  return { startedAt: new Date(start), intervals, nextChangeAt: nextChangeAt === undefined ? null : new Date(nextChangeAt) };
}

function rowsAt(history: ProjectComplianceHistory, at: Date): ComplianceRowFacts[] {
  const { program, project, versions, decisions, reports, variances } = history;
  return complianceRows([program], [project], versions, decisions, at, reports, variances);
}

function sameRow(a: ComplianceRowFacts, b: ComplianceRowFacts): boolean {
  return a.state === b.state && a.versionId === b.versionId && a.adoptionDeadline === b.adoptionDeadline && a.programId === b.programId;
}

function sameRows(a: readonly ComplianceRowFacts[], b: readonly ComplianceRowFacts[]): boolean {
  if (a.length !== b.length) return false;
  const byVersion = new Map(b.map((row) => [row.versionId, row]));
  return a.every((row) => {
    const other = byVersion.get(row.versionId);
    return other !== undefined && sameRow(row, other);
  });
}
