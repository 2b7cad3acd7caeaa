import type { Principal } from './principal';

/**
 * Tokens already verified, each kept until its own expiry: a client sends the same bearer token with every
 * request of its lifetime, and checking it again (key conversion, RSA verification, claims) is the same answer.
 * Keyed by the whole token string, so a token that differs in any byte (another signature, tampered claims) is
 * verified afresh. Bounded in entries, oldest first out, so that many clients cannot grow the heap.
 */
export class VerifiedTokens {
  private readonly kept = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(private readonly maxEntries: number) {}

  /** The principal of `token` if it was verified and has not expired at `nowMs`. */
  get(token: string, nowMs: number): Principal | undefined {
    const found = this.kept.get(token);
    if (!found) return undefined;
    if (found.expiresAtMs > nowMs) return found.principal;
    this.kept.delete(token);
    return undefined;
  }

  set(token: string, principal: Principal, expiresAtMs: number): void {
    this.kept.delete(token);
    // Map keeps insertion order: the first key is the one verified longest ago.
    for (const [oldest] of this.kept) {
      if (this.kept.size < this.maxEntries) break;
      this.kept.delete(oldest);
    }
    this.kept.set(token, { principal, expiresAtMs });
  }

  get size(): number {
    return this.kept.size;
  }
}
