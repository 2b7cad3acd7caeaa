import { QueryFailedError } from 'typeorm';
import { checkIdempotencyKey, InvalidIdempotencyKeyError, onceForKey } from './idempotency-key';

const uniqueViolation = () => new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));

describe('onceForKey', () => {
  it('creates when the key was never seen', async () => {
    expect(
      await onceForKey(
        'k1',
        async () => null,
        async () => 'created',
      ),
    ).toBe('created');
  });

  it('gives the first result back on a retry, without creating', async () => {
    let created = 0;
    expect(
      await onceForKey(
        'k1',
        async () => 'first',
        async () => `created ${++created}`,
      ),
    ).toBe('first');
    expect(created).toBe(0);
  });

  it('answers a concurrent duplicate with the winner’s result', async () => {
    let lookups = 0;
    const find = async () => (lookups++ === 0 ? null : 'winner');
    expect(await onceForKey('k1', find, async () => Promise.reject(uniqueViolation()))).toBe('winner');
  });

  it('creates every time without a key', async () => {
    expect(
      await onceForKey(
        undefined,
        async () => 'never asked',
        async () => 'created',
      ),
    ).toBe('created');
  });

  it('passes other failures on', async () => {
    await expect(
      onceForKey(
        'k1',
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
