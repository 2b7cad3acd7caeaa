import type { StandardSort } from '@pmo/contracts';

/** Position after the last row of a page: the sort value and the id that breaks ties. */
export interface StandardCursor {
  value: string;
  id: string;
}

/** Opaque to clients; a page continues strictly after this position. */
export function encodeCursor(cursor: StandardCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string): StandardCursor | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<StandardCursor>;
    return typeof parsed.value === 'string' && typeof parsed.id === 'string' ? { value: parsed.value, id: parsed.id } : undefined;
  } catch {
    return undefined;
  }
}

/** The column and direction of a sort such as `-title`. */
export function sortOf(sort: StandardSort): { column: 'key' | 'title' | 'created_at'; descending: boolean } {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  return { column: field === 'createdAt' ? 'created_at' : (field as 'key' | 'title'), descending };
}
