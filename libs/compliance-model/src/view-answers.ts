/**
 * Serialised answers of the screens, each kept under the version of the counts it was computed from (see
 * `createViewsVersion`): a request whose snapshot reads the same version gets the same bytes, and any other
 * version computes again. Bounded in bytes, least recently used first out, so that many selections (one per
 * principal's reach and filter) cannot grow the heap without limit; an answer larger than the bound is not kept.
 */
export class ViewAnswers {
  private readonly kept = new Map<string, { version: string; body: Buffer }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

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
