import { DomainError } from '@pmo/http';

export class PriorityProjectNotFoundError extends DomainError {
  readonly code = 'PRIORITY.PROJECT_NOT_FOUND';
  readonly kind = 'not-found';

  constructor(projectId: string) {
    super(`project ${projectId} not found`);
  }
}

export class PriorityRequestNotFoundError extends DomainError {
  readonly code = 'PRIORITY.REQUEST_NOT_FOUND';
  readonly kind = 'not-found';

  constructor(requestId: string) {
    super(`priority change request ${requestId} not found`);
  }
}

/** Ranks change only under a published priority policy. */
export class NoPriorityPolicyError extends DomainError {
  readonly code = 'PRIORITY.NO_POLICY';
  readonly kind = 'unprocessable';

  constructor(scope: string) {
    super(`no priority policy in force governs the ${scope} ranking: the strategic PMO publishes one as a standard of kind "priority-policy" first`);
  }
}

/** The policy does not allow the caller this change (or this decision); the message says what it does not allow. */
export class OutsidePolicyError extends DomainError {
  readonly code = 'PRIORITY.OUTSIDE_POLICY';
  readonly kind = 'forbidden';
}

/** A change that cannot be made as asked: a closed project, a rank past the end, scores that do not fit the policy. */
export class PriorityChangeRefusedError extends DomainError {
  readonly code = 'PRIORITY.CHANGE_REFUSED';
  readonly kind = 'unprocessable';
}

export class PriorityRequestDecidedError extends DomainError {
  readonly code = 'PRIORITY.REQUEST_DECIDED';
  readonly kind = 'conflict';

  constructor(requestId: string, state: string) {
    super(`priority change request ${requestId} is already ${state}`);
  }
}
