import type { ValidationError } from '@nestjs/common';
import type { FieldProblem } from '@pmo/contracts';
import { DomainError } from './domain-error';

/** A request refused by its contract or its DTO's rules: 400 with one `{ path, message }` item per failing field. */
export class RequestValidationError extends DomainError {
  readonly code = 'REQUEST.VALIDATION';
  readonly kind = 'invalid';

  constructor(override readonly details: FieldProblem[]) {
    super(details.map((d) => d.message).join('; '));
  }
}

/**
 * class-validator's errors (query and path DTOs) as field problems: the pointer of each field, and the
 * sentence Nest's ValidationPipe says, a nested field prefixed with its parent (`items.0.name must …`).
 */
export function problemsOfDto(errors: readonly ValidationError[], parents: string[] = []): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = [...parents, error.property];
    const prefix = parents.length ? `${parents.join('.')}.` : '';
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path: `/${path.join('/')}`, message: `${prefix}${message}` }));
    return [...own, ...problemsOfDto(error.children ?? [], path)];
  });
}
