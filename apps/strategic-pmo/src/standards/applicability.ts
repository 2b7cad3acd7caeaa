import type { Applicability } from '@pmo/contracts';

/** What applicability and rollout waves need to know about a program. */
export interface ProgramSelectorSubject {
  programId: string;
  tags: string[];
}

/**
 * Whether a standard version applies to `program`: always for the whole organisation; for listed programs when
 * its id is listed; for tags when the program carries at least one of them. Ids and tags are compared exactly
 * (tags are stored as entered, e.g. `regulated`); an empty list selects no program.
 */
export function appliesToProgram(applicability: Applicability, program: ProgramSelectorSubject): boolean {
  switch (applicability.scope) {
    case 'organisation':
      return true;
    case 'programs':
      return applicability.programIds.includes(program.programId);
    case 'tags':
      return applicability.tags.some((tag) => program.tags.includes(tag));
  }
}
