import type { Applicability } from './standard-model';
import type { RolloutWaveV1 } from './standard-version-published.v1';

/** A program as the scope rules see it. */
export interface ProgramInScope {
  programId: string;
  tags: readonly string[];
}

/**
 * Whether a version applies to a program: the whole organisation, a listed program, or a program carrying
 * one of the tags. Every service answers this the same way, from the published event alone.
 */
export function appliesToProgram(applicability: Applicability, program: ProgramInScope): boolean {
  switch (applicability.scope) {
    case 'organisation':
      return true;
    case 'programs':
      return applicability.programIds.includes(program.programId);
    case 'tags':
      return applicability.tags.some((tag) => program.tags.includes(tag));
  }
}

/** Whether a wave names the program, by id or by one of its tags. */
export function waveCoversProgram(wave: Pick<RolloutWaveV1, 'programIds' | 'programTags'>, program: ProgramInScope): boolean {
  return wave.programIds.includes(program.programId) || wave.programTags.some((tag) => program.tags.includes(tag));
}

/** The first wave of a rollout that names the program (a program adopts in its earliest wave), if any. */
export function waveForProgram(rollout: readonly RolloutWaveV1[], program: ProgramInScope): RolloutWaveV1 | undefined {
  return [...rollout].sort((a, b) => a.opensOn.localeCompare(b.opensOn)).find((wave) => waveCoversProgram(wave, program));
}

/** How narrowly a version applies: listed programs (2) over tags (1) over the whole organisation (0). */
export function specificityOf(applicability: Applicability): number {
  return applicability.scope === 'programs' ? 2 : applicability.scope === 'tags' ? 1 : 0;
}

/** Whether two versions apply to exactly the same programs by the same rule (order of ids and tags aside). */
export function sameApplicability(a: Applicability, b: Applicability): boolean {
  const listed = (x: Applicability) => (x.scope === 'programs' ? x.programIds : x.scope === 'tags' ? x.tags : []);
  const [left, right] = [new Set(listed(a)), new Set(listed(b))];
  return a.scope === b.scope && left.size === right.size && [...left].every((item) => right.has(item));
}

/**
 * Of the versions in force for one program, the one per standard that governs it: variants of a standard can be
 * in force side by side (1.0.0 for the organisation, 1.1.0 for programs tagged `regulated`), and a program follows
 * the most specific that applies to it; between equally specific ones, the one published last.
 */
export function governingVersions<T extends { standardId: string; applicability: Applicability; publishedAt: Date }>(candidates: readonly T[]): T[] {
  const governing = new Map<string, T>();
  for (const candidate of candidates) {
    const held = governing.get(candidate.standardId);
    if (held === undefined || outranks(candidate, held)) governing.set(candidate.standardId, candidate);
  }
  return candidates.filter((candidate) => governing.get(candidate.standardId) === candidate);
}

function outranks(a: { applicability: Applicability; publishedAt: Date }, b: { applicability: Applicability; publishedAt: Date }): boolean {
  const bySpecificity = specificityOf(a.applicability) - specificityOf(b.applicability);
  return bySpecificity !== 0 ? bySpecificity > 0 : a.publishedAt.getTime() > b.publishedAt.getTime();
}
