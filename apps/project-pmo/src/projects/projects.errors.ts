import { DomainError, type GovernanceRefusal } from '@pmo/http';

export class ProjectNotFoundError extends DomainError {
  readonly code = 'PROJECT.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(projectId: string) {
    super(`project ${projectId} not found`);
  }
}

export class UnknownProgramError extends DomainError {
  readonly code = 'PROJECT.UNKNOWN_PROGRAM';
  readonly kind = 'unprocessable';

  constructor(programId: string) {
    super(`program ${programId} is not known to project-pmo (register it with program-pmo first)`);
  }
}

export class ProjectClosedError extends DomainError {
  readonly code = 'PROJECT.CLOSED';
  readonly kind = 'conflict';
  override readonly refusal: GovernanceRefusal;

  constructor(projectId: string) {
    super(`project ${projectId} is closed and can no longer change`);
    this.refusal = { rule: 'lifecycle', entityType: 'project', entityId: projectId };
  }
}

export class ProjectDatesOutOfOrderError extends DomainError {
  readonly code = 'PROJECT.DATES_OUT_OF_ORDER';
  readonly kind = 'invalid';

  constructor(startDate: string, endDate: string) {
    super(`endDate ${endDate} is before startDate ${startDate}`);
  }
}

export class ProjectCodeTakenError extends DomainError {
  readonly code = 'PROJECT.CODE_TAKEN';
  readonly kind = 'conflict';

  constructor(projectCode: string) {
    super(`a project with code "${projectCode}" already exists`);
  }
}

export class ProjectOutsideScopeError extends DomainError {
  readonly code = 'PROJECT.OUTSIDE_SCOPE';
  readonly kind = 'forbidden';
  override readonly refusal: GovernanceRefusal;

  constructor(projectCode: string) {
    super(`a project manager registers only projects of his Keycloak groups; "project-${projectCode}" is not one of them`);
    this.refusal = { rule: 'scope', entityType: 'project-code', entityId: projectCode };
  }
}
