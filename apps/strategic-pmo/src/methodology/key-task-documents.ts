import { LineCounter, parseAllDocuments } from 'yaml';
import type { PlaybookSource } from './playbook-sources';

/** A YAML error at a 1-based line and column of a file. */
export interface SyntaxIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One non-empty YAML document, named `file` when alone in its file and `file#n` (1-based) otherwise. */
export interface ParsedDocument {
  file: string;
  value: unknown;
}

/**
 * Splits a source into its YAML documents, dropping empty ones (the `---` that closes front matter opens one).
 * A Markdown source is read up to the end of its front matter; its body is prose, not YAML.
 */
export function parseKeyTaskDocuments(source: PlaybookSource): { documents: ParsedDocument[]; errors: SyntaxIssue[] } {
  const lineCounter = new LineCounter();
  const text = /\.md$/i.test(source.file) ? frontMatterOf(source.text) : source.text;
  const errors: SyntaxIssue[] = [];
  const values: unknown[] = [];
  const at = (offset: number, message: string): SyntaxIssue => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: source.file, line, column: col, message };
  };
  for (const document of parseAllDocuments(text, { lineCounter, prettyErrors: false })) {
    errors.push(...document.errors.map((error) => at(error.pos[0], error.message)));
    if (document.errors.length > 0) continue;
    try {
      const value: unknown = document.toJS();
      if (value !== null && value !== undefined) values.push(value);
    } catch (error) {
      // toJS refuses alias bombs (too many alias expansions); report them where the document starts.
      errors.push(at(document.range[0], error instanceof Error ? error.message : String(error)));
    }
  }
  const name = (index: number): string => (values.length === 1 ? source.file : `${source.file}#${index + 1}`);
  return { documents: values.map((value, index) => ({ file: name(index), value })), errors };
}

// Front matter opens with a `---` line and closes at the next one; the text is cut after the closing
// fence and its line end, so line numbers stay those of the file and no stray `\r` opens a document.
const FRONT_MATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

function frontMatterOf(markdown: string): string {
  return FRONT_MATTER.exec(markdown)?.[0] ?? markdown;
}
