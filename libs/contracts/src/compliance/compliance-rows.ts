import type { Applicability } from '../standards/standard-model';
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
  publishedAt: Date;
  /** When it was superseded or retired; null while published. */
  endedAt: Date | null;
  wavesOpenedAt: ReadonlyMap<string, Date>;
}

export interface ProjectFacts {
  projectId: string;
  programId: string;
  registeredAt: Date;
}

export interface DecisionFacts {
  projectId: string;
  versionId: string;
  decision: AdoptionDecision;
  decidedAt: Date;
}

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
): ComplianceRowFacts[] {
  const decisionsOf = new Map<string, DecisionFacts[]>();
  for (const d of decisions) decisionsOf.set(`${d.projectId}/${d.versionId}`, [...(decisionsOf.get(`${d.projectId}/${d.versionId}`) ?? []), d]);
  const rows: ComplianceRowFacts[] = [];
  for (const program of programs) {
    const members = projects.filter((p) => p.programId === program.programId && p.registeredAt <= now);
    for (const version of versions) {
      const inForceFor = inForce(version, program, now);
      if (!inForceFor) continue;
      for (const project of members) {
        rows.push({
          programId: program.programId,
          projectId: project.projectId,
          standardId: version.standardId,
          standardKey: version.key,
          versionId: version.versionId,
          version: version.version,
          adoptionDeadline: inForceFor.adoptionDeadline,
          state: complianceStateOf({ now, adoptionDeadline: inForceFor.adoptionDeadline, decisions: decisionsOf.get(`${project.projectId}/${version.versionId}`) ?? [], variance: null, reporting: null }),
        });
      }
    }
  }
  return rows;
}

function inForce(version: VersionFacts, program: ProgramInScope, now: Date): { adoptionDeadline: string } | undefined {
  if (version.publishedAt > now || (version.endedAt && version.endedAt <= now)) return undefined;
  if (!appliesToProgram(version.applicability, program)) return undefined;
  const wave = waveForProgram(version.rollout, program);
  if (!wave) return version.effectiveDate <= now.toISOString().slice(0, 10) ? { adoptionDeadline: version.adoptionDeadline } : undefined;
  const openedAt = version.wavesOpenedAt.get(wave.name);
  return openedAt && openedAt <= now ? { adoptionDeadline: wave.adoptionDeadline } : undefined;
}
