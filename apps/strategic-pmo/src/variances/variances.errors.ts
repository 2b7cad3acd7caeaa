import { DomainError, type GovernanceRefusal } from '@pmo/http';

export class VarianceCaseNotFoundError extends DomainError {
  readonly code = 'VARIANCE.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(varianceId: string) {
    super(`variance ${varianceId} not found`);
  }
}

/** Separation of duties: whoever requested a variance never reviews or decides it. */
export class OwnVarianceError extends DomainError {
  readonly code = 'VARIANCE.OWN_REQUEST';
  readonly kind = 'forbidden';
  override readonly refusal: GovernanceRefusal;

  constructor(varianceId: string) {
    super(`you requested variance ${varianceId}, so you cannot review or decide it`);
    this.refusal = { rule: 'separation-of-duties', entityType: 'variance', entityId: varianceId };
  }
}

export class IllegalVarianceTransitionError extends DomainError {
  readonly code = 'VARIANCE.ILLEGAL_TRANSITION';
  readonly kind = 'conflict';
  override readonly refusal: GovernanceRefusal;

  constructor(message: string, varianceId: string) {
    super(message);
    this.refusal = { rule: 'lifecycle', entityType: 'variance', entityId: varianceId };
  }
}

export class MissingConditionsError extends DomainError {
  readonly code = 'VARIANCE.CONDITIONS_REQUIRED';
  readonly kind = 'invalid';

  constructor() {
    super('conditions must list at least one condition when the outcome is approved-with-conditions');
  }
}

export class VarianceConditionNotFoundError extends DomainError {
  readonly code = 'VARIANCE.CONDITION_NOT_FOUND';
  readonly kind = 'not-found';

  constructor(varianceId: string, conditionId: string) {
    super(`variance ${varianceId} has no condition ${conditionId}`);
  }
}

/** A condition already met, a review that is not needed: the request does not fit the case as it stands. */
export class VarianceCaseConflictError extends DomainError {
  readonly code = 'VARIANCE.CONFLICT';
  readonly kind = 'conflict';
  override readonly refusal: GovernanceRefusal;

  constructor(message: string, varianceId: string) {
    super(message);
    this.refusal = { rule: 'lifecycle', entityType: 'variance', entityId: varianceId };
  }
}

/** Separation of duties for renewals: whoever asked for a renewal never reviews or decides it. */
export class OwnRenewalError extends DomainError {
  readonly code = 'VARIANCE.OWN_REQUEST';
  readonly kind = 'forbidden';
  override readonly refusal: GovernanceRefusal;

  constructor(varianceId: string, renewal: number) {
    super(`you asked for renewal ${renewal} of variance ${varianceId}, so you cannot review or decide it`);
    this.refusal = { rule: 'separation-of-duties', entityType: 'variance', entityId: varianceId };
  }
}
