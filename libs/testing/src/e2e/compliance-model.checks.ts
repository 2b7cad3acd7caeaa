import { callApi } from '../http-client';

interface Figures {
  total: number;
  compliant: number;
  byState: Record<string, number>;
}
interface Row {
  projectId: string;
  versionId: string;
  state: string;
  adoptionDeadline: string;
}

/**
 * Asserts that a compliance read model answers as the compliance function does: the rows of `<functionUrl>?query`
 * (computed from history on each request) equal every page of `<modelUrl>/rows?query` (stored intervals), and its
 * summary counts the same. Pages are small so that several are followed. Returns the number of rows compared.
 */
export async function expectReadModelAgrees(token: string, functionUrl: string, modelUrl: string, query: Record<string, string>): Promise<number> {
  const search = new URLSearchParams(query).toString();
  const computed = await callApi<{ summary: Figures; rows: Row[] }>('GET', `${functionUrl}?${search}`, token);
  expect(computed.status).toBe(200);
  const stored: Row[] = [];
  let after: string | null = null;
  do {
    const page: { status: number; body: { rows: Row[]; next: string | null } } = await callApi('GET', `${modelUrl}/rows?${search}&limit=3${after ? `&after=${after}` : ''}`, token);
    expect(page.status).toBe(200);
    stored.push(...page.body.rows);
    after = page.body.next;
  } while (after);
  const keyOf = (r: Row) => `${r.projectId} ${r.versionId} ${r.state} ${r.adoptionDeadline}`;
  expect({ query, rows: stored.map(keyOf).sort() }).toEqual({ query, rows: computed.body.rows.map(keyOf).sort() });
  const summary = await callApi<{ summary: Figures }>('GET', `${modelUrl}/summary?${search}`, token);
  const { total, compliant, byState } = computed.body.summary;
  expect(summary.body.summary).toMatchObject({ total, compliant, byState });
  return stored.length;
}
