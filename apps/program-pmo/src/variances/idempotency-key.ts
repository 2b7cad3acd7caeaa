import { DomainError } from '@pmo/http';

export class InvalidIdempotencyKeyError extends DomainError {
  readonly code = 'REQUEST.INVALID_IDEMPOTENCY_KEY';
  readonly kind = 'invalid';

  constructor() {
    super('Idempotency-Key must be 1 to 200 letters, digits, dots, colons, dashes or underscores');
  }
}
