import { QueryFailedError } from 'typeorm';
import { checkIdempotencyKey, IdempotencyKeyReusedError, idempotentCall, InvalidIdempotencyKeyError, onceForKey } from './idempotency-key';

const uniqueViolation = () => new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));

interface Stored {
  name: string;
  requestFingerprint: string | null;
}

const call = (input: unknown) => idempotentCall('k1', 'feedback', input);
const stored = (name: string, input: unknown): Stored => ({ name, requestFingerprint: call(input)?.fingerprint ?? null });

describe('idempotentCall', () => {
  it('is null without a key', () => {
    expect(idempotentCall(undefined, 'feedback', { title: 'a' })).toBeNull();
  });

  it('gives the same fingerprint whatever the order of the object keys', () => {
    expect(call({ title: 'a', body: { x: 1, y: [2, 3] } })?.fingerprint).toBe(call({ body: { y: [2, 3], x: 1 }, title: 'a' })?.fingerprint);
  });

  it('tells apart another input, another order in a list and another operation', () => {
    const fingerprints = [
      call({ title: 'a', ids: [1, 2] }),
      call({ title: 'b', ids: [1, 2] }),
      call({ title: 'a', ids: [2, 1] }),
      idempotentCall('k1', 'variance-request', { title: 'a', ids: [1, 2] }),
    ].map((c) => c?.fingerprint);
    expect(new Set(fingerprints).size).toBe(4);
  });
});

describe('onceForKey', () => {
  const input = { title: 'Quarterly steering is enough' };

  it('creates when the key was never seen', async () => {
    const created = stored('created', input);
    expect(
      await onceForKey(
        call(input),
        async () => null,
        async () => created,
      ),
    ).toBe(created);
  });

  it('gives the first result back on a retry, without creating', async () => {
    let created = 0;
    const first = stored('first', input);
    expect(
      await onceForKey(
        call({ ...input }),
        async () => first,
        async () => stored(`created ${++created}`, input),
      ),
    ).toBe(first);
    expect(created).toBe(0);
  });

  it('refuses the same key with a different request, without creating', async () => {
    let created = 0;
    await expect(
      onceForKey(
        call({ title: 'Monthly steering instead' }),
        async () => stored('first', input),
        async () => stored(`created ${++created}`, input),
      ),
    ).rejects.toThrow(IdempotencyKeyReusedError);
    expect(created).toBe(0);
  });

  it('takes a row stored without a fingerprint as the same request', async () => {
    const older = { name: 'older', requestFingerprint: null };
    expect(
      await onceForKey(
        call({ title: 'anything' }),
        async () => older,
        async () => stored('created', input),
      ),
    ).toBe(older);
  });

  it('answers a concurrent duplicate with the winner’s result', async () => {
    let lookups = 0;
    const winner = stored('winner', input);
    const find = async () => (lookups++ === 0 ? null : winner);
    expect(await onceForKey(call(input), find, async () => Promise.reject(uniqueViolation()))).toBe(winner);
  });

  it('refuses a concurrent first call with the same key and a different request', async () => {
    let lookups = 0;
    const find = async () => (lookups++ === 0 ? null : stored('winner', { title: 'the other one' }));
    await expect(onceForKey(call(input), find, async () => Promise.reject(uniqueViolation()))).rejects.toThrow(IdempotencyKeyReusedError);
  });

  it('creates every time without a key', async () => {
    const created = stored('created', input);
    expect(
      await onceForKey(
        null,
        async () => stored('never asked', input),
        async () => created,
      ),
    ).toBe(created);
  });

  it('passes other failures on', async () => {
    await expect(
      onceForKey(
        call(input),
        async () => null,
        async () => Promise.reject(new Error('database down')),
      ),
    ).rejects.toThrow('database down');
  });
});

describe('checkIdempotencyKey', () => {
  it.each(['req-42', 'a.b:c_d', 'x'.repeat(200)])('accepts %s', (key) => {
    expect(() => checkIdempotencyKey(key)).not.toThrow();
  });

  it.each(['', 'has space', 'x'.repeat(201), 'ünicode'])('refuses "%s"', (key) => {
    expect(() => checkIdempotencyKey(key)).toThrow(InvalidIdempotencyKeyError);
  });
});
