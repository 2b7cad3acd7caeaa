import { unzipSync } from 'fflate';
import { gunzipSync } from 'node:zlib';
import { readTar, type ArchiveEntry } from './tar-reader';

/** A file handed to import: a YAML or Markdown key task file, a YAML stream, or an archive of those. */
export interface PlaybookFile {
  name: string;
  content: Buffer | string;
}

/** One text to parse as YAML, named for error reports (`bundle.zip:phase-1/1.2.md` inside archives). */
export interface PlaybookSource {
  file: string;
  text: string;
}

// An upload is a handful of small text files; this bound stops a zip bomb long before memory runs out.
const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8');

/**
 * Expands archives (.zip, .tar.gz, .tgz) into their .yaml/.yml/.md entries and decodes every text as UTF-8.
 * Other files are taken as YAML whatever their name. Throws ArchiveError when an archive cannot be read.
 */
export function readSources(files: readonly PlaybookFile[]): PlaybookSource[] {
  return files.flatMap((file) => {
    const kind = archiveKind(file);
    if (kind === undefined) return [{ file: file.name, text: decode(file.content) }];
    return unpack(file, kind)
      .filter((entry) => isKeyTaskEntry(entry.name))
      .map((entry) => ({ file: `${file.name}:${entry.name}`, text: decode(entry.content) }));
  });
}

/** An archive that could not be opened; `file` names it. */
export class ArchiveError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`cannot read archive: ${reason}`);
  }
}

type ArchiveKind = 'zip' | 'tar.gz';

function archiveKind({ name, content }: PlaybookFile): ArchiveKind | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.zip')) return 'zip';
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) return 'tar.gz';
  // Uploads lose their names sometimes; the magic bytes still tell (PK\3\4 for zip, 1f 8b for gzip).
  if (typeof content === 'string') return undefined;
  if (content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04) return 'zip';
  if (content[0] === 0x1f && content[1] === 0x8b) return 'tar.gz';
  return undefined;
}

function unpack(file: PlaybookFile, kind: ArchiveKind): ArchiveEntry[] {
  const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'latin1') : file.content;
  try {
    if (kind === 'tar.gz') return readTar(gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES }));
    let total = 0;
    const entries = unzipSync(bytes, {
      filter: (entry) => isKeyTaskEntry(entry.name) && (total += entry.originalSize) <= MAX_UNPACKED_BYTES,
    });
    if (total > MAX_UNPACKED_BYTES) throw new Error(`more than ${MAX_UNPACKED_BYTES} bytes unpacked`);
    return Object.entries(entries).map(([name, content]) => ({ name, content }));
  } catch (error) {
    throw new ArchiveError(file.name, error instanceof Error ? error.message : String(error));
  }
}

function isKeyTaskEntry(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  // macOS adds `__MACOSX/` folders and `._name` resource forks that carry the same extension but no YAML.
  if (path.includes('__MACOSX/') || base.startsWith('._')) return false;
  return /\.(ya?ml|md)$/i.test(base);
}

function decode(content: Buffer | Uint8Array | string): string {
  return typeof content === 'string' ? content : utf8.decode(content);
}
