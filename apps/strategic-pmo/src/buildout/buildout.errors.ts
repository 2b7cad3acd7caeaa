import { DomainError } from '@pmo/http';

/** Everything after the foundation depends on it: refused until it is recorded. */
export class FoundationMissingError extends DomainError {
  readonly code = 'BUILDOUT.FOUNDATION_MISSING';
  readonly kind = 'unprocessable';

  constructor(what: string) {
    super(`record the PMO's foundation first (its organisational scope, sponsor, customers and type): ${what} depends on it`);
  }
}

export class FoundationNotFoundError extends DomainError {
  readonly code = 'BUILDOUT.FOUNDATION_NOT_FOUND';
  readonly kind = 'not-found';

  constructor() {
    super("the PMO's foundation has not been recorded yet");
  }
}

/** An assessment, offering or wave that breaks a rule of the build-out; the message says which. */
export class BuildoutRefusedError extends DomainError {
  readonly code = 'BUILDOUT.REFUSED';
  readonly kind = 'unprocessable';
}

export class BuildoutConflictError extends DomainError {
  readonly code = 'BUILDOUT.CONFLICT';
  readonly kind = 'conflict';
}

export class OfferingNotFoundError extends DomainError {
  readonly code = 'BUILDOUT.OFFERING_NOT_FOUND';
  readonly kind = 'not-found';

  constructor(offeringId: string) {
    super(`product or service ${offeringId} not found`);
  }
}
