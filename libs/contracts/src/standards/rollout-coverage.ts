import type { Applicability } from './standard-model';
import { appliesToProgram, governingVersions, sameApplicability, waveForProgram, type ProgramInScope } from './standard-scope';
import type { RolloutWaveV1 } from './standard-version-published.v1';

/** A published variant of the same standard, as coverage sees it. */
export interface PublishedVariant {
  versionId: string;
  version: string;
  standardId: string;
  applicability: Applicability;
  publishedAt: Date;
}

/**
 * Whom a version would reach when published with `rollout`:
 * - `waves`: each wave with the programs it names (a program adopts in its earliest wave);
 * - `uncovered`: programs the applicability reaches but no wave names: they get the version from its effective
 *   date, with its own adoption deadline;
 * - `keptOnVariant`: programs it reaches where a more specific published variant stays in force;
 * - `supersedes`: the published versions it replaces (same applicability).
 */
export interface RolloutCoverage {
  waves: { name: string; opensOn: string; adoptionDeadline: string; programIds: string[] }[];
  uncovered: string[];
  keptOnVariant: { programId: string; versionId: string; version: string }[];
  supersedes: string[];
}

/** The coverage of a version about to be published at `at` (see `RolloutCoverage`). */
export function rolloutCoverage(
  version: { versionId: string; standardId: string; applicability: Applicability },
  rollout: readonly RolloutWaveV1[],
  programs: readonly ProgramInScope[],
  published: readonly PublishedVariant[],
  at: Date,
): RolloutCoverage {
  const staying = published.filter((p) => p.standardId === version.standardId && !sameApplicability(p.applicability, version.applicability));
  const candidate: PublishedVariant = { ...version, version: '', publishedAt: at };
  const coverage: RolloutCoverage = {
    waves: rollout.map((w) => ({ name: w.name, opensOn: w.opensOn, adoptionDeadline: w.adoptionDeadline, programIds: [] })),
    uncovered: [],
    keptOnVariant: [],
    supersedes: published.filter((p) => p.standardId === version.standardId && !staying.includes(p)).map((p) => p.version),
  };
  for (const program of programs) {
    if (!appliesToProgram(version.applicability, program)) continue;
    const [governing] = governingVersions([...staying.filter((p) => appliesToProgram(p.applicability, program)), candidate]);
    if (governing !== candidate) {
      coverage.keptOnVariant.push({ programId: program.programId, versionId: governing.versionId, version: governing.version });
      continue;
    }
    const wave = waveForProgram(rollout, program);
    if (wave) coverage.waves.find((w) => w.name === wave.name)?.programIds.push(program.programId);
    else coverage.uncovered.push(program.programId);
  }
  return coverage;
}
