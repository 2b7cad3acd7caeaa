import { eventually } from '../eventually';
import { callApi } from '../http-client';

const PAGE = 7;

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
 * summary counts the same. Pages are small so that several are followed (in a small program, too). Returns the number of rows compared.
 */
export async function expectReadModelAgrees(token: string, functionUrl: string, modelUrl: string, query: Record<string, string>): Promise<number> {
  const search = new URLSearchParams(query).toString();
  const computed = await callApi<{ summary: Figures; rows: Row[] }>('GET', `${functionUrl}?${search}`, token);
  expect(computed.status).toBe(200);
  const stored: Row[] = [];
  let after: string | null = null;
  do {
    const page: { status: number; body: { rows: Row[]; next: string | null } } = await callApi(
      'GET',
      `${modelUrl}/rows?${search}&limit=${PAGE}${after ? `&after=${after}` : ''}`,
      token,
    );
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

/**
 * Both read models against the compliance function over the whole platform: the portfolio's at each instant, and
 * each program's at the first and the last. Run after a scenario that moved the clocks through its days.
 */
export async function expectReadModelsAgreeEverywhere(urls: { strategic: string; program: string }, token: string, instants: readonly Date[]): Promise<void> {
  const portfolio = `${urls.strategic}/portfolio/compliance`;
  for (const instant of instants) await eventually(() => expectReadModelAgrees(token, portfolio, portfolio, { asOf: instant.toISOString() }));
  const programs = await callApi<{ programId: string }[]>('GET', `${urls.strategic}/portfolio/programs`, token);
  for (const { programId } of programs.body) {
    const program = `${urls.program}/programs/${programId}/compliance`;
    for (const instant of [instants[0], instants[instants.length - 1]])
      await eventually(() => expectReadModelAgrees(token, program, program, { asOf: instant.toISOString() }));
  }
}
