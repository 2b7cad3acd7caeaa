import { DomainError, type GovernanceRefusal } from '@pmo/http';

/** The request does not fit the standard version or the program: what is wrong, in the message. */
export class VarianceNotRequestableError extends DomainError {
  readonly code = 'VARIANCE.NOT_REQUESTABLE';
  readonly kind = 'unprocessable';
}

export class VarianceRequestNotFoundError extends DomainError {
  readonly code = 'VARIANCE.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(programId: string, varianceId: string) {
    super(`variance ${varianceId} not found in program ${programId}`);
  }
}

/** Only whoever requested a variance withdraws it. */
export class NotTheRequesterError extends DomainError {
  readonly code = 'VARIANCE.NOT_REQUESTER';
  readonly kind = 'forbidden';
  override readonly refusal: GovernanceRefusal;

  constructor(varianceId: string) {
    super(`only the requester of variance ${varianceId} may withdraw it`);
    this.refusal = { rule: 'requester-only', entityType: 'variance', entityId: varianceId };
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

export class VarianceProposalNotFoundError extends DomainError {
  readonly code = 'VARIANCE_PROPOSAL.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(programId: string, proposalId: string) {
    super(`variance proposal ${proposalId} not found in program ${programId}`);
  }
}

export class ProposalAlreadyAnsweredError extends DomainError {
  readonly code = 'VARIANCE_PROPOSAL.ALREADY_ANSWERED';
  readonly kind = 'conflict';
  override readonly refusal: GovernanceRefusal;

  constructor(proposalId: string, state: string) {
    super(`variance proposal ${proposalId} is already ${state}`);
    this.refusal = { rule: 'lifecycle', entityType: 'variance-proposal', entityId: proposalId };
  }
}
