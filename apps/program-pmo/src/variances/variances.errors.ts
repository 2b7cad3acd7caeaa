import { DomainError } from '@pmo/http';

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

  constructor(varianceId: string) {
    super(`only the requester of variance ${varianceId} may withdraw it`);
  }
}

export class IllegalVarianceTransitionError extends DomainError {
  readonly code = 'VARIANCE.ILLEGAL_TRANSITION';
  readonly kind = 'conflict';
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

  constructor(proposalId: string, state: string) {
    super(`variance proposal ${proposalId} is already ${state}`);
  }
}
