import { DomainError, type GovernanceRefusal } from '@pmo/http';

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

export class ProgramCodeTakenError extends DomainError {
  readonly code = 'PROGRAM.CODE_TAKEN';
  readonly kind = 'conflict';

  constructor(programCode: string) {
    super(`a program with code "${programCode}" already exists`);
  }
}

export class ProgramOutsideScopeError extends DomainError {
  readonly code = 'PROGRAM.OUTSIDE_SCOPE';
  readonly kind = 'forbidden';
  override readonly refusal: GovernanceRefusal;

  constructor(programCode: string) {
    super(`a program manager registers only programs of his Keycloak groups; "program-${programCode}" is not one of them`);
    this.refusal = { rule: 'scope', entityType: 'program-code', entityId: programCode };
  }
}
