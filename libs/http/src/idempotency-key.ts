import { DomainError } from './domain-error';
import { QueryFailedError } from 'typeorm';

export class InvalidIdempotencyKeyError extends DomainError {
  readonly code = 'REQUEST.INVALID_IDEMPOTENCY_KEY';
  readonly kind = 'invalid';

  constructor() {
    super('Idempotency-Key must be 1 to 200 letters, digits, dots, colons, dashes or underscores');
  }
}

/** Throws unless the header is absent or a usable key. */
export function checkIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && !/^[\w.:-]{1,200}$/.test(key)) throw new InvalidIdempotencyKeyError();
}

/**
 * Creates something once per idempotency key: a retry gets what the first call created. The key is unique
 * in the table, so of two concurrent first calls one loses on the constraint and answers with the other's.
 */
export async function onceForKey<T>(key: string | undefined, findByKey: (key: string) => Promise<T | null>, create: () => Promise<T>): Promise<T> {
  const earlier = key ? await findByKey(key) : null;
  if (earlier) return earlier;
  try {
    return await create();
  } catch (error) {
    const duplicate = error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
    const first = duplicate && key ? await findByKey(key) : null;
    if (first) return first;
    throw error;
  }
}
