/**
 * Base of every service's domain errors (`standards.errors.ts`, ...). Services throw these, never an
 * HttpException, because the same code runs under event handlers; the filter maps `kind` to a status.
 */
export abstract class DomainError extends Error {
  /** Stable machine-readable code, e.g. `PROGRAM.NOT_FOUND`. */
  abstract readonly code: string;
  abstract readonly kind: 'not-found' | 'conflict' | 'invalid' | 'unprocessable' | 'forbidden';
  readonly details?: unknown;
  /** Set when the error refuses a governance rule: the attempt is then audited as `security.refused`. */
  readonly refusal?: GovernanceRefusal;
}

/** The governance rule a refused request broke, and what it tried to act on. */
export interface GovernanceRefusal {
  /** `separation-of-duties`, `requester-only`, `lifecycle` or `scope`. */
  rule: 'separation-of-duties' | 'requester-only' | 'lifecycle' | 'scope';
  entityType: string;
  entityId: string;
}
