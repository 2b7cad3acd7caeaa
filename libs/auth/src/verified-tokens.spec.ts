import type { Principal } from './principal';
import { VerifiedTokens } from './verified-tokens';

const principal = (subject: string): Principal => ({ subject, username: subject, name: subject, roles: [], groups: [] });

describe('verified tokens', () => {
  it('gives a kept principal back until its expiry, then forgets it', () => {
    const tokens = new VerifiedTokens(10);
    tokens.set('a.b.c', principal('sam'), 2_000);
    expect(tokens.get('a.b.c', 1_999)).toEqual(principal('sam'));
    expect(tokens.get('a.b.c', 2_000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('knows only the exact token string', () => {
    const tokens = new VerifiedTokens(10);
    tokens.set('a.b.c', principal('sam'), 2_000);
    expect(tokens.get('a.b.d', 1_000)).toBeUndefined();
  });

  it('holds at most its bound, the oldest verified going first', () => {
    const tokens = new VerifiedTokens(2);
    tokens.set('one', principal('1'), 9_000);
    tokens.set('two', principal('2'), 9_000);
    tokens.set('three', principal('3'), 9_000);
    expect(tokens.size).toBe(2);
    expect(tokens.get('one', 0)).toBeUndefined();
    expect(tokens.get('two', 0)).toEqual(principal('2'));
    expect(tokens.get('three', 0)).toEqual(principal('3'));
  });
});
