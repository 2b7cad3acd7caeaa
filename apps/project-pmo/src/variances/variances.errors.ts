import { DomainError } from '@pmo/http';

/** The proposal does not fit the project or the standard version: what is wrong, in the message. */
export class VarianceNotProposableError extends DomainError {
  readonly code = 'VARIANCE_PROPOSAL.NOT_PROPOSABLE';
  readonly kind = 'unprocessable';
}
