import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

// Paid once per kept answer, while its bytes go out with every request: level 6 gave the heatmap 4% fewer bytes
// than level 1 for 8 ms more, once; 9 took 60% longer again for 1% fewer (bench/README.md, run 9).
const GZIP_LEVEL = 6;

// A gzip member's header: magic, deflate, no flags, no time, no extra flags, unknown OS (RFC 1952).
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
const MOST_STORED_BYTES = 0xffff;

interface Deflated {
  /** The body as deflate blocks, none final, ending on a byte boundary (a sync flush). */
  blocks: Buffer;
  crc: number;
}

// Keyed by the kept body itself: while the caller keeps the body, its compressed form is kept with it, and both
// go together when the caller lets the body go. Concurrent first requests share one compression.
const compressed = new WeakMap<Buffer, Promise<Deflated>>();

/**
 * A gzip member of `body` then `tail`, the body compressed once per body and the tail, which changes per request,
 * appended as a final stored block: one valid gzip stream whose checksum continues the body's with the tail's,
 * so a request costs a few bytes of work, whatever the size of the body.
 */
export async function gzipOfKept(body: Buffer, tail: string): Promise<Buffer[]> {
  const { blocks, crc } = await deflatedOf(body);
  const tailBytes = Buffer.from(tail);
  if (tailBytes.byteLength > MOST_STORED_BYTES) throw new RangeError(`a kept answer's tail is at most ${MOST_STORED_BYTES} bytes`);
  const stored = Buffer.alloc(5);
  // BFINAL 1, BTYPE 00 (stored), then LEN and its one's complement, little-endian (RFC 1951, 3.2.4).
  stored.writeUInt8(0x01, 0);
  stored.writeUInt16LE(tailBytes.byteLength, 1);
  stored.writeUInt16LE(~tailBytes.byteLength & 0xffff, 3);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(tailBytes, crc), 0);
  trailer.writeUInt32LE((body.byteLength + tailBytes.byteLength) % 2 ** 32, 4);
  return [HEADER, blocks, stored, tailBytes, trailer];
}

function deflatedOf(body: Buffer): Promise<Deflated> {
  let found = compressed.get(body);
  if (!found) {
    // Off the event loop (zlib's thread pool): other requests go on while a new answer is compressed.
    found = deflate(body, { level: GZIP_LEVEL, finishFlush: constants.Z_SYNC_FLUSH }).then((blocks) => ({ blocks, crc: crc32(body) }));
    found.catch(() => compressed.delete(body));
    compressed.set(body, found);
  }
  return found;
}
