import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { stringify } from 'safe-stable-stringify';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';

export class InvalidIdempotencyKeyError extends DomainError {
  readonly code = 'REQUEST.INVALID_IDEMPOTENCY_KEY';
  readonly kind = 'invalid';

  constructor() {
    super('Idempotency-Key must be 1 to 200 letters, digits, dots, colons, dashes or underscores');
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'REQUEST.IDEMPOTENCY_KEY_REUSED';
  readonly kind = 'unprocessable';

  constructor(key: string) {
    super(`Idempotency-Key ${key} was already used for a different request; a new request needs a new key`);
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
  'the same key with a different request is refused (422); without a key every call creates a new one, so a ' +
  'client that may retry should send one';

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

/** What a row stored with its Idempotency-Key answers: everything but the key, which is the caller's own, and its fingerprint. */
export type WithoutIdempotencyKey<T> = Omit<T, 'idempotencyKey' | 'requestFingerprint'>;

/**
 * A stored row as answered: the key a caller sent is a retry token, not part of the resource, and is not
 * echoed (another caller in scope could otherwise replay it).
 */
export function withoutIdempotencyKey<T extends { idempotencyKey: unknown; requestFingerprint: unknown }>(row: T): WithoutIdempotencyKey<T> {
  const answer: Partial<T> = { ...row };
  delete answer.idempotencyKey;
  delete answer.requestFingerprint;
  return answer as WithoutIdempotencyKey<T>;
}

/** A call made with an Idempotency-Key: the key, and what the call asked for, to tell a retry from a reuse. */
export interface IdempotentCall {
  key: string;
  /** sha256 of the operation and its validated input, with the object keys in a stable order. */
  fingerprint: string;
}

/** The call as stored with what it creates; null without a key. */
export function idempotentCall(key: string | undefined, operation: string, input: unknown): IdempotentCall | null {
  if (key === undefined) return null;
  return {
    key,
    fingerprint: createHash('sha256')
      .update(String(stringify({ operation, input })))
      .digest('hex'),
  };
}

/**
 * Creates something once per idempotency key: a retry gets what the first call created, and the same key
 * with a different request is refused rather than answered with the first one's result. The key is unique
 * in the table, so of two concurrent first calls one loses on the constraint and answers with the other's.
 * A row stored before fingerprints were kept (null) counts as the same request.
 */
export async function onceForKey<T extends { requestFingerprint: string | null }>(
  call: IdempotentCall | null,
  findByKey: (key: string) => Promise<T | null>,
  create: () => Promise<T>,
): Promise<T> {
  const sameRequest = (earlier: T): T => {
    if (call && earlier.requestFingerprint !== null && earlier.requestFingerprint !== call.fingerprint) throw new IdempotencyKeyReusedError(call.key);
    return earlier;
  };
  const earlier = call ? await findByKey(call.key) : null;
  if (earlier) return sameRequest(earlier);
  try {
    return await create();
  } catch (error) {
    const duplicate = error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
    const first = duplicate && call ? await findByKey(call.key) : null;
    if (first) return sameRequest(first);
    throw error;
  }
}
