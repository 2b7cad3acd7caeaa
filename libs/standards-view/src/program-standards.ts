import { appliesToProgram, governingVersions, waveForProgram, type ProgramInScope, type Requirement } from '@pmo/contracts';
import type { PublishedVersionEntity } from './published-version.entity';

/** How one version stands for one program: whether its wave has opened, from when and by when. */
export interface ProgramStandardView {
  standardId: string;
  key: string;
  title: string;
  kind: string;
  level: string;
  versionId: string;
  version: string;
  state: string;
  wave: { name: string; opensOn: string; adoptionDeadline: string; openedAt: string | null } | null;
  /**
   * The version applies to the program now: published, the program's wave has opened, and no more specific
   * variant of the standard is in force for the program.
   */
  inForce: boolean;
  appliesFrom: string;
  adoptionDeadline: string;
  requirements: Requirement[];
}

/**
 * The versions that apply to a program, derived from the events alone (the published versions and the
 * openings of their waves). A version whose rollout names the program in no wave applies from its
 * effective date with its own deadline.
 */
export function programStandards(
  program: ProgramInScope,
  versions: readonly PublishedVersionEntity[],
  openings: ReadonlyMap<string, Map<string, Date>>,
): ProgramStandardView[] {
  const views = versions
    .filter((version) => appliesToProgram(version.applicability, program))
    .map((version) => {
      const wave = waveForProgram(version.rollout, program);
      const openedAt = wave ? (openings.get(version.versionId)?.get(wave.name) ?? null) : null;
      return {
        standardId: version.standardId,
        key: version.key,
        title: version.title,
        kind: version.kind,
        level: version.level,
        versionId: version.versionId,
        version: version.version,
        state: version.state,
        wave: wave ? { name: wave.name, opensOn: wave.opensOn, adoptionDeadline: wave.adoptionDeadline, openedAt: openedAt?.toISOString() ?? null } : null,
        inForce: version.state === 'published' && (wave ? openedAt !== null : true),
        appliesFrom: wave?.opensOn ?? version.effectiveDate,
        adoptionDeadline: wave?.adoptionDeadline ?? version.adoptionDeadline,
        requirements: version.requirements,
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key) || a.version.localeCompare(b.version));
  // Variants of one standard may all be in force; the program follows the most specific (see governingVersions).
  const candidates = versions.filter((version) => views.some((view) => view.versionId === version.versionId && view.inForce));
  const governing = new Set(governingVersions(candidates).map((version) => version.versionId));
  return views.map((view) => ({ ...view, inForce: governing.has(view.versionId) }));
}
