import { DomainError } from '@pmo/http';

export class ProgramNotFoundError extends DomainError {
  readonly code = 'PROGRAM.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(programId: string) {
    super(`program ${programId} not found`);
  }
}

export class ProgramNameTakenError extends DomainError {
  readonly code = 'PROGRAM.NAME_TAKEN';
  readonly kind = 'conflict';

  constructor(name: string) {
    super(`a program named "${name}" already exists`);
  }
}
