/** An answer as computed: its body and the version its snapshot read (null: not one that can be kept). */
export interface ComputedAnswer {
  body: Buffer;
  version: string | null;
}

/**
 * Serialised answers of the screens, each kept under the version of the counts it was computed from (see
 * `createViewsVersion`): a request whose snapshot reads the same version gets the same bytes, and any other
 * version computes again. Bounded in bytes, least recently used first out, so that many selections (one per
 * principal's reach and filter) cannot grow the heap without limit; an answer larger than the bound is not kept.
 */
export class ViewAnswers {
  private readonly kept = new Map<string, { version: string; body: Buffer }>();
  private readonly computing = new Map<string, Promise<ComputedAnswer>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /**
   * The body kept for `key` at `version`, else the one `compute` gives, kept under the version it read. Requests
   * that miss the same key at the same version while it is computed wait for that computation: after a write
   * bumps the version, every request in flight would otherwise count the same rows again at once. With `version`
   * null (the selection cannot be kept) each request computes its own.
   */
  async keptOrComputed(key: string, version: string | null, compute: () => Promise<ComputedAnswer>): Promise<{ body: Buffer; kept: boolean }> {
    const found = version === null ? undefined : this.get(key, version);
    if (found) return { body: found, kept: true };
    const flight = JSON.stringify([key, version]);
    let computed = version === null ? undefined : this.computing.get(flight);
    if (!computed) {
      computed = compute().then((answer) => {
        if (answer.version !== null) this.set(key, answer.version, answer.body);
        return answer;
      });
      if (version !== null) {
        this.computing.set(flight, computed);
        const done = () => void this.computing.delete(flight);
        computed.then(done, done);
      }
    }
    const answer = await computed;
    return { body: answer.body, kept: answer.version !== null };
  }

  /** The body kept for `key` at `version`, or undefined. */
  get(key: string, version: string): Buffer | undefined {
    const found = this.kept.get(key);
    if (!found || found.version !== version) return undefined;
    // Map keeps insertion order: moving the key to the end makes the first one the least recently used.
    this.kept.delete(key);
    this.kept.set(key, found);
    return found.body;
  }

  set(key: string, version: string, body: Buffer): void {
    this.forget(key);
    if (body.byteLength > this.maxBytes) return;
    for (const [oldest] of this.kept) {
      if (this.bytes + body.byteLength <= this.maxBytes) break;
      this.forget(oldest);
    }
    this.kept.set(key, { version, body });
    this.bytes += body.byteLength;
  }

  /** Bytes held now, at most `maxBytes`. */
  get size(): number {
    return this.bytes;
  }

  private forget(key: string): void {
    const found = this.kept.get(key);
    if (!found) return;
    this.kept.delete(key);
    this.bytes -= found.body.byteLength;
  }
}
