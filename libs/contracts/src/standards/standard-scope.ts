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
