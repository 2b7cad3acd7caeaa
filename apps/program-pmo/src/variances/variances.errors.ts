import { DomainError } from '@pmo/http';

/** The request does not fit the standard version or the program: what is wrong, in the message. */
export class VarianceNotRequestableError extends DomainError {
  readonly code = 'VARIANCE.NOT_REQUESTABLE';
  readonly kind = 'unprocessable';
}
