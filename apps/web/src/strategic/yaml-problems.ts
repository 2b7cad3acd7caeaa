import { LineCounter, parseAllDocuments } from 'yaml';

/** A problem of an imported playbook at a 1-based line and column of the editor's text. */
export interface YamlProblem {
  line: number;
  column: number;
  message: string;
}

interface SyntaxDetail {
  file: string;
  line: number;
  column: number;
  message: string;
}
interface StructureDetail {
  file: string;
  path: string;
  message: string;
}

/**
 * Where the server's refusal of a playbook points in the text: a 400 names line and column; a 422 names the key
 * task document (`file`, or `file#n` when the stream holds several) and a JSON pointer inside it, which is found
 * in the text the same way the server split it (non-empty documents, 1-based).
 */
export function yamlProblemsOf(text: string, details: unknown): YamlProblem[] {
  if (!Array.isArray(details)) return [];
  const items = details as Partial<SyntaxDetail & StructureDetail>[];
  const structural = items.some((d) => typeof d.path === 'string');
  const lineCounter = new LineCounter();
  const documents = structural ? parseAllDocuments(text, { lineCounter }).filter((d) => d.errors.length === 0 && d.toJS() != null) : [];
  return items.flatMap((d): YamlProblem[] => {
    if (typeof d.line === 'number' && typeof d.column === 'number') return [{ line: d.line, column: d.column, message: d.message ?? 'invalid YAML' }];
    if (typeof d.path !== 'string') return [];
    const index = /#(\d+)$/.exec(d.file ?? '')?.[1];
    const document = documents[index ? Number(index) - 1 : 0];
    const offset = document ? offsetOf(document, d.path) : 0;
    const { line, col } = lineCounter.linePos(offset);
    return [{ line: Math.max(1, line), column: Math.max(1, col), message: `${d.path || '/'}: ${d.message ?? 'is invalid'}` }];
  });
}

type Document = ReturnType<typeof parseAllDocuments>[number];

// The deepest node the pointer reaches (a missing property: its parent), else the document's start.
function offsetOf(document: Document, pointer: string): number {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let depth = segments.length; depth > 0; depth--) {
    const node = document.getIn(segments.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return node.range[0];
  }
  return document.contents?.range?.[0] ?? document.range?.[0] ?? 0;
}
