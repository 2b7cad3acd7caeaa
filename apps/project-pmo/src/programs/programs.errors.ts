import { DomainError } from '@pmo/http';

export class KnownProgramNotFoundError extends DomainError {
  readonly code = 'PROGRAM.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(programId: string) {
    super(`program ${programId} not found`);
  }
}
