import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';

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

const idempotencyKeyHeader = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['idempotency-key'];
  const key = Array.isArray(value) ? value[0] : value;
  checkIdempotencyKey(key);
  return key;
});

/** What the documents say of the header: optional, and what a call without it gets. */
const IDEMPOTENCY_KEY_DESCRIPTION =
  'Optional. A retry with the same key gets the first result (same id, no second event), never a duplicate; ' +
  'without a key every call creates a new one, so a client that may retry should send one';

/**
 * The optional `Idempotency-Key` header, checked (400 when it is not a usable key), and documented once as
 * an optional header: Nest's `@Headers('idempotency-key')` would document it as required. Optional on
 * purpose: a person submitting a form once needs none; a client that retries sends one.
 */
export function IdempotencyKey(): ParameterDecorator {
  return (target, key, index) => {
    idempotencyKeyHeader()(target, key, index);
    if (key === undefined) throw new Error('@IdempotencyKey() belongs on a method parameter');
    const descriptor = Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
    ApiHeader({ name: 'idempotency-key', required: false, description: IDEMPOTENCY_KEY_DESCRIPTION })(target, key, descriptor);
  };
}

/** What a row stored with its Idempotency-Key answers: everything but the key, which is the caller's own. */
export type WithoutIdempotencyKey<T> = Omit<T, 'idempotencyKey'>;

/**
 * A stored row as answered: the key a caller sent is a retry token, not part of the resource, and is not
 * echoed (another caller in scope could otherwise replay it).
 */
export function withoutIdempotencyKey<T extends { idempotencyKey: unknown }>(row: T): WithoutIdempotencyKey<T> {
  const answer: Partial<T> = { ...row };
  delete answer.idempotencyKey;
  return answer as WithoutIdempotencyKey<T>;
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
