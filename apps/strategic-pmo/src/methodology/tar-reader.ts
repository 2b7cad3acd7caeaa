/** A regular file found in an archive. */
export interface ArchiveEntry {
  name: string;
  content: Uint8Array;
}

const BLOCK = 512;
const utf8 = new TextDecoder('utf-8');

/**
 * Lists the regular files of an uncompressed tar (ustar, with GNU long names), in archive order.
 * Directories, links and pax headers are skipped. Throws when a header's checksum does not match.
 */
export function readTar(tar: Uint8Array): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let longName: string | undefined;
  for (let offset = 0; offset + BLOCK <= tar.length;) {
    const header = tar.subarray(offset, offset + BLOCK);
    // Two zero blocks end the archive; one is enough to know no header follows.
    if (header.every((byte) => byte === 0)) break;
    if (checksumOf(header) !== octal(header, 148, 156)) throw new Error(`bad tar header checksum at byte ${offset}`);
    const size = octal(header, 124, 136);
    const type = String.fromCharCode(header[156] ?? 0);
    const content = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    if (content.length < size) throw new Error(`tar entry at byte ${offset} is cut short`);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      // GNU tar writes a name longer than 100 bytes as a pseudo-entry before the real one.
      longName = text(content, 0, content.length);
      continue;
    }
    const name = longName ?? nameOf(header);
    longName = undefined;
    if (type === '0' || type === '\0' || type === '7') entries.push({ name, content });
  }
  return entries;
}

function nameOf(header: Uint8Array): string {
  const name = text(header, 0, 100);
  const isUstar = text(header, 257, 262) === 'ustar';
  const prefix = isUstar ? text(header, 345, 500) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function text(bytes: Uint8Array, start: number, end: number): string {
  const field = bytes.subarray(start, end);
  const nul = field.indexOf(0);
  return utf8.decode(nul === -1 ? field : field.subarray(0, nul));
}

function octal(bytes: Uint8Array, start: number, end: number): number {
  const digits = text(bytes, start, end).trim();
  return digits === '' ? 0 : parseInt(digits, 8);
}

// The checksum sums the header's bytes with its own field counted as eight spaces.
function checksumOf(header: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  return sum;
}
