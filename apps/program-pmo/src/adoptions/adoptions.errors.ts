import { DomainError } from '@pmo/http';

export class VersionNotInForceError extends DomainError {
  readonly code = 'ADOPTION.VERSION_NOT_IN_FORCE';
  readonly kind = 'unprocessable';

  constructor(versionId: string, programId: string) {
    super(`standard version ${versionId} is not in force for program ${programId} (not published to it, or its wave has not opened)`);
  }
}

export class ProjectNotInProgramError extends DomainError {
  readonly code = 'ADOPTION.PROJECT_NOT_IN_PROGRAM';
  readonly kind = 'unprocessable';

  constructor(projectIds: string[], programId: string) {
    super(`project ${projectIds.join(', ')} is not in program ${programId}`);
  }
}

/** A tailoring choice outside the requirement's leeway: that needs a variance. */
export class OutsideLeewayError extends DomainError {
  readonly code = 'ADOPTION.OUTSIDE_LEEWAY';
  readonly kind = 'unprocessable';

  constructor(override readonly details: { requirementId?: string; message: string }[]) {
    super(details.map((d) => d.message).join('; '));
  }
}

export class GrandfatheringRefusedError extends DomainError {
  readonly code = 'ADOPTION.GRANDFATHERING_REFUSED';
  readonly kind = 'unprocessable';

  constructor(override readonly details: { projectId: string; message: string }[]) {
    super(details.map((d) => `${d.projectId}: ${d.message}`).join('; '));
  }
}
