import { DomainError } from '@pmo/http';

export class VarianceNotFoundError extends DomainError {
  readonly code = 'VARIANCE.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(varianceId: string) {
    super(`variance ${varianceId} not found`);
  }
}

/** The request does not fit the standard version or the program: what is wrong, in the message. */
export class VarianceNotRequestableError extends DomainError {
  readonly code = 'VARIANCE.NOT_REQUESTABLE';
  readonly kind = 'unprocessable';
}
