import { Transform, type TransformCallback } from 'node:stream';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * CSV from PostgreSQL ends its records with LF; RFC 4180 (and `complianceCsvLine`) end them with CRLF. Adds
 * the CR before each LF that ends a record, not before one inside a quoted field (a quote toggles "inside",
 * a doubled quote toggles twice), remembering across chunks whether a field is still open.
 */
export class CrlfLines extends Transform {
  private quoted = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let ends = 0;
    let quoted = this.quoted;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i];
      if (byte === QUOTE) quoted = !quoted;
      else if (byte === LF && !quoted) ends += 1;
    }
    if (ends === 0) {
      this.quoted = quoted;
      done(null, chunk);
      return;
    }
    const out = Buffer.allocUnsafe(chunk.length + ends);
    let [from, at] = [0, 0];
    quoted = this.quoted;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i];
      if (byte === QUOTE) quoted = !quoted;
      else if (byte === LF && !quoted) {
        at += chunk.copy(out, at, from, i);
        out[at++] = CR;
        from = i;
      }
    }
    chunk.copy(out, at, from);
    this.quoted = quoted;
    done(null, out);
  }
}
