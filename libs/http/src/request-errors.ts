import type { FieldProblem } from '@pmo/contracts';
import { DomainError } from './domain-error';

/** A request refused by its contract: 400 with one `{ path, message }` item per failing field. */
export class RequestValidationError extends DomainError {
  readonly code = 'REQUEST.VALIDATION';
  readonly kind = 'invalid';

  constructor(override readonly details: FieldProblem[]) {
    super(details.map((d) => d.message).join('; '));
  }
}

/** A field sent as `null` where the contract has no null: refused, naming it (leaving it out is the way to omit it). */
export class NullFieldError extends DomainError {
  readonly code = 'REQUEST.NULL_FIELD';
  readonly kind = 'invalid';

  override readonly details: FieldProblem[];

  constructor(readonly field: string) {
    super(`${field} must not be null: leave it out instead`);
    this.details = [{ path: `/${field}`, message: this.message }];
  }
}
