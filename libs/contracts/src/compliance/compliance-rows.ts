import type { Applicability, Requirement } from '../standards/standard-model';
import { appliesToProgram, governingVersions, waveForProgram, type ProgramInScope } from '../standards/standard-scope';
import type { RolloutWaveV1 } from '../standards/standard-version-published.v1';
import type { ReopenedRequirement } from '../adoptions/carry-forward';
import type { Deviation } from '../variances/deviations';
import { complianceStateOf, type AdoptionDecision, type ComplianceState, type ReportCadence, type VarianceStanding } from './compliance-state';

/** A published version as known from its events, with when each wave opened. */
export interface VersionFacts {
  standardId: string;
  key: string;
  versionId: string;
  version: string;
  applicability: Applicability;
  rollout: readonly RolloutWaveV1[];
  effectiveDate: string;
  adoptionDeadline: string;
  requirements: readonly Requirement[];
  publishedAt: Date;
  /** When it was superseded or retired; null while published. */
  endedAt: Date | null;
  wavesOpenedAt: ReadonlyMap<string, Date>;
}

export interface ProjectFacts {
  projectId: string;
  programId: string;
  registeredAt: Date;
  /** A closed project is bound by nothing from its closing on. */
  closedAt?: Date | null;
}

export interface DecisionFacts {
  projectId: string;
  versionId: string;
  decision: AdoptionDecision;
  decidedAt: Date;
  choices?: Readonly<Record<string, number | string>>;
  /** Set on a decision carried from a superseded version: what it does not cover; non-empty, the project is pending. */
  reopened?: readonly ReopenedRequirement[] | null;
}

/** A variance request covering projects of one version, with when it was submitted and decided. */
export interface VarianceFacts {
  /** The request's id, where the caller needs to tell one from another (impact analysis). */
  varianceId?: string;
  versionId: string;
  projectIds: readonly string[];
  submittedAt: Date;
  /** The decision and when it took effect; until then (and before a decision) it is submitted. */
  decided: { state: 'approved' | 'approved-with-conditions' | 'rejected' | 'withdrawn'; at: Date } | null;
  expiresOn: string;
  /** When an approval was revoked before its end date; from then on it no longer holds. */
  endedAt?: Date | null;
  /** Conditions of an approval: one past its due date and not met by `now` breaks the approval's terms. */
  conditions?: readonly { dueOn: string; metAt: Date | null }[];
  /** The requirements it deviates from; while an approval holds, each is measured by its deviation's value. */
  requirementIds?: readonly string[];
  /** The value asked per requirement; a listed requirement without one is waived while the approval holds. */
  deviations?: readonly Deviation[];
}

/**
 * The decision part of VarianceFacts from a stored state. An expired or revoked variance was approved: the
 * compliance function sees its end from `expiresOn` (or `endedAt`), so as-of questions before the end still
 * find it approved.
 */
export function varianceDecisionOf(state: string, decidedAt: Date | null): VarianceFacts['decided'] {
  if (!decidedAt) return null;
  if (state === 'expired' || state === 'revoked') return { state: 'approved', at: decidedAt };
  return state === 'approved' || state === 'approved-with-conditions' || state === 'rejected' || state === 'withdrawn' ? { state, at: decidedAt } : null;
}

export interface ReportFacts {
  projectId: string;
  submittedAt: Date;
}

/**
 * The requirement that sets how often a project reports status. Its leeway is a range in days; a program
 * may tailor it inside that range, and a project reporting less often counts as non-compliant.
 */
export const REPORTING_CADENCE_REQUIREMENT = 'STATUS-CADENCE';

/** One project × standard version, with the state the compliance function gives. */
export interface ComplianceRowFacts {
  programId: string;
  projectId: string;
  standardId: string;
  standardKey: string;
  versionId: string;
  version: string;
  adoptionDeadline: string;
  state: ComplianceState;
}

/**
 * Compliance of every project of every program against every version in force for it at `now`:
 * published by then and not yet ended, applicable to the program, its wave for the program opened by
 * then, and of the standard's variants in force the most specific for the program (see `governingVersions`).
 * Everything is filtered by `now`, so the same facts answer "as of" any past date.
 */
export function complianceRows(
  programs: readonly ProgramInScope[],
  projects: readonly ProjectFacts[],
  versions: readonly VersionFacts[],
  decisions: readonly DecisionFacts[],
  now: Date,
  reports: readonly ReportFacts[] = [],
  variances: readonly VarianceFacts[] = [],
): ComplianceRowFacts[] {
  const facts = new ProjectHistory(versions, decisions, reports, variances, now);
  const rows: ComplianceRowFacts[] = [];
  for (const program of programs) {
    const members = projects.filter((p) => p.programId === program.programId && p.registeredAt <= now && !(p.closedAt && p.closedAt <= now));
    const candidates = versions.flatMap((version) => {
      const terms = inForce(version, program, now);
      return terms ? [{ ...version, terms }] : [];
    });
    for (const version of governingVersions(candidates)) {
      const { adoptionDeadline, since } = version.terms;
      for (const project of members) {
        const projectDecisions = facts.decisionsOf(project.projectId, version.versionId);
        rows.push({
          programId: program.programId,
          projectId: project.projectId,
          standardId: version.standardId,
          standardKey: version.key,
          versionId: version.versionId,
          version: version.version,
          adoptionDeadline,
          state: complianceStateOf({
            now,
            adoptionDeadline,
            decisions: projectDecisions,
            variance: facts.varianceOf(project.projectId, version.versionId)?.standing ?? null,
            reporting: facts.reportingOf(project.projectId, version, since),
          }),
        });
      }
    }
  }
  return rows;
}

function inForce(version: VersionFacts, program: ProgramInScope, now: Date): { adoptionDeadline: string; since: Date } | undefined {
  if (version.publishedAt > now || (version.endedAt && version.endedAt <= now)) return undefined;
  if (!appliesToProgram(version.applicability, program)) return undefined;
  const wave = waveForProgram(version.rollout, program);
  if (!wave)
    return version.effectiveDate <= now.toISOString().slice(0, 10) ? { adoptionDeadline: version.adoptionDeadline, since: version.publishedAt } : undefined;
  const openedAt = version.wavesOpenedAt.get(wave.name);
  return openedAt && openedAt <= now ? { adoptionDeadline: wave.adoptionDeadline, since: openedAt } : undefined;
}

/** A project's decisions, variances and reports as of `now`, indexed once for every row. */
class ProjectHistory {
  private readonly decisions = new Map<string, DecisionFacts[]>();
  private readonly reports = new Map<string, number[]>();
  private readonly today: string;

  constructor(
    private readonly versions: readonly VersionFacts[],
    decisions: readonly DecisionFacts[],
    reports: readonly ReportFacts[],
    private readonly variances: readonly VarianceFacts[],
    private readonly now: Date,
  ) {
    this.today = now.toISOString().slice(0, 10);
    for (const d of decisions) this.decisions.set(`${d.projectId}/${d.versionId}`, [...(this.decisions.get(`${d.projectId}/${d.versionId}`) ?? []), d]);
    for (const r of reports) if (r.submittedAt <= now) this.reports.set(r.projectId, [...(this.reports.get(r.projectId) ?? []), r.submittedAt.getTime()]);
  }

  decisionsOf(projectId: string, versionId: string): DecisionFacts[] {
    return this.decisions.get(`${projectId}/${versionId}`) ?? [];
  }

  // The latest request submitted by `now` for the project and version, in the state it had then.
  varianceOf(projectId: string, versionId: string): { facts: VarianceFacts; standing: VarianceStanding } | undefined {
    const latest = this.variances
      .filter((v) => v.versionId === versionId && v.projectIds.includes(projectId) && v.submittedAt <= this.now)
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
      .pop();
    if (!latest) return undefined;
    if (latest.endedAt && latest.endedAt <= this.now) return { facts: latest, standing: { state: 'revoked', expiresOn: latest.expiresOn } };
    const state = latest.decided && latest.decided.at <= this.now ? latest.decided.state : 'submitted';
    const overdueConditions = (latest.conditions ?? []).some((c) => c.dueOn < this.today && !(c.metAt && c.metAt <= this.now));
    return { facts: latest, standing: { state, expiresOn: latest.expiresOn, overdueConditions } };
  }

  /** The project's status-report cadence for a version at `now`, or null when none is measured (see `cadenceOf`). */
  reportingOf(projectId: string, version: VersionFacts, since: Date): ReportCadence | null {
    const maxDays = this.cadenceOf(projectId, version);
    if (maxDays === null) return null;
    const reported = this.reports.get(projectId) ?? [];
    return { maxDaysBetweenReports: maxDays, lastReportAt: reported.length ? new Date(Math.max(...reported)) : null, since };
  }

  /**
   * The most days a project may go between status reports under a version, by the decision in force:
   * - adopted, or no decision yet: the widest the leeway allows;
   * - tailored: the value the program chose;
   * - a variance approved and holding on the cadence: the value it granted, or no cadence at all when it
   *   waived the requirement without a value; otherwise as adopted;
   * - grandfathered: the cadence of the version the project had before (its requirements, its tailoring),
   *   never the new one's; with no earlier version, none: the project is exempt until it closes.
   * Null when the version has no cadence requirement with a range leeway.
   */
  private cadenceOf(projectId: string, version: VersionFacts): number | null {
    const decision = latestBy(this.decisionsOf(projectId, version.versionId), this.now);
    if (decision?.decision === 'grandfather') {
      const previous = this.previousVersionOf(projectId, version);
      return previous ? this.cadenceOf(projectId, previous) : null;
    }
    const cadence = version.requirements.find((r) => r.id === REPORTING_CADENCE_REQUIREMENT);
    if (cadence?.leeway?.kind !== 'range') return null;
    if (decision?.decision === 'tailor') {
      const tailored = decision.choices?.[REPORTING_CADENCE_REQUIREMENT];
      return typeof tailored === 'number' ? tailored : cadence.leeway.max;
    }
    if (decision?.decision === 'variance-needed') {
      const variance = this.varianceOf(projectId, version.versionId);
      if (variance && holds(variance.standing, this.today) && (variance.facts.requirementIds ?? []).includes(REPORTING_CADENCE_REQUIREMENT)) {
        const granted = variance.facts.deviations?.find((d) => d.requirementId === REPORTING_CADENCE_REQUIREMENT)?.value;
        return typeof granted === 'number' ? granted : null;
      }
    }
    return cadence.leeway.max;
  }

  // The latest version of the same standard, published before this one, that the project had a decision on (a
  // carried one with reopened requirements is none).
  private previousVersionOf(projectId: string, version: VersionFacts): VersionFacts | undefined {
    return this.versions
      .filter((v) => v.standardId === version.standardId && v.publishedAt < version.publishedAt)
      .filter((v) => {
        const decision = latestBy(this.decisionsOf(projectId, v.versionId), this.now);
        return decision !== undefined && !decision.reopened?.length;
      })
      .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
      .pop();
  }
}

// An approval holds while it is approved, not past its last day and not revoked (conditions aside: an overdue
// condition already makes the project non-compliant).
function holds(standing: VarianceStanding, today: string): boolean {
  return (standing.state === 'approved' || standing.state === 'approved-with-conditions') && !(standing.expiresOn !== undefined && standing.expiresOn < today);
}

function latestBy(decisions: readonly DecisionFacts[], now: Date): DecisionFacts | undefined {
  let latest: DecisionFacts | undefined;
  for (const d of decisions) if (d.decidedAt <= now && (latest === undefined || d.decidedAt >= latest.decidedAt)) latest = d;
  return latest;
}
