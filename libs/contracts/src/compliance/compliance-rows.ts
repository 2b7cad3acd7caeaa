import type { Applicability, Requirement } from '../standards/standard-model';
import { appliesToProgram, waveForProgram, type ProgramInScope } from '../standards/standard-scope';
import type { RolloutWaveV1 } from '../standards/standard-version-published.v1';
import { complianceStateOf, type AdoptionDecision, type ComplianceState } from './compliance-state';

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
 * then. Everything is filtered by `now`, so the same facts answer "as of" any past date.
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
  const decisionsOf = new Map<string, DecisionFacts[]>();
  for (const d of decisions) decisionsOf.set(`${d.projectId}/${d.versionId}`, [...(decisionsOf.get(`${d.projectId}/${d.versionId}`) ?? []), d]);
  const rows: ComplianceRowFacts[] = [];
  for (const program of programs) {
    const members = projects.filter((p) => p.programId === program.programId && p.registeredAt <= now && !(p.closedAt && p.closedAt <= now));
    for (const version of versions) {
      const inForceFor = inForce(version, program, now);
      if (!inForceFor) continue;
      for (const project of members) {
        const projectDecisions = decisionsOf.get(`${project.projectId}/${version.versionId}`) ?? [];
        rows.push({
          programId: program.programId,
          projectId: project.projectId,
          standardId: version.standardId,
          standardKey: version.key,
          versionId: version.versionId,
          version: version.version,
          adoptionDeadline: inForceFor.adoptionDeadline,
          state: complianceStateOf({
            now,
            adoptionDeadline: inForceFor.adoptionDeadline,
            decisions: projectDecisions,
            variance: varianceOf(variances, project.projectId, version.versionId, now),
            reporting: reportingOf(
              version,
              inForceFor.since,
              projectDecisions,
              reports.filter((r) => r.projectId === project.projectId),
              now,
            ),
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

// The latest request submitted by `now` for the project and version, in the state it had then.
function varianceOf(variances: readonly VarianceFacts[], projectId: string, versionId: string, now: Date) {
  const latest = variances
    .filter((v) => v.versionId === versionId && v.projectIds.includes(projectId) && v.submittedAt <= now)
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
    .pop();
  if (!latest) return null;
  if (latest.endedAt && latest.endedAt <= now) return { state: 'revoked', expiresOn: latest.expiresOn } as const;
  const state = latest.decided && latest.decided.at <= now ? latest.decided.state : 'submitted';
  const today = now.toISOString().slice(0, 10);
  const overdueConditions = (latest.conditions ?? []).some((c) => c.dueOn < today && !(c.metAt && c.metAt <= now));
  return { state, expiresOn: latest.expiresOn, overdueConditions } as const;
}

// The cadence in force: the value the program tailored, else the widest its leeway allows.
function reportingOf(version: VersionFacts, since: Date, decisions: readonly DecisionFacts[], reports: readonly ReportFacts[], now: Date) {
  const cadence = version.requirements.find((r) => r.id === REPORTING_CADENCE_REQUIREMENT);
  if (cadence?.leeway?.kind !== 'range') return null;
  const latest = decisions
    .filter((d) => d.decidedAt <= now)
    .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime())
    .pop();
  const tailored = latest?.decision === 'tailor' ? latest.choices?.[REPORTING_CADENCE_REQUIREMENT] : undefined;
  const reported = reports.filter((r) => r.submittedAt <= now).map((r) => r.submittedAt.getTime());
  return {
    maxDaysBetweenReports: typeof tailored === 'number' ? tailored : cadence.leeway.max,
    lastReportAt: reported.length ? new Date(Math.max(...reported)) : null,
    since,
  };
}
