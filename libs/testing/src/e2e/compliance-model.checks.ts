import { isDeepStrictEqual } from 'node:util';
import { programClient, strategicClient, type ProgramPmoSchemas } from '@pmo/api-contracts';
import { dataOf, jsonOf, observedFetch } from '../typed-clients';

const PAGE = 7;

interface Figures {
  total: number;
  compliant: number;
  byState?: Record<string, number>;
}
interface Row {
  projectId: string;
  versionId: string;
  state: string;
  adoptionDeadline: string;
}
type ComplianceState = ProgramPmoSchemas['schemas']['ComplianceRowResponse']['state'];

/** The filters that the portfolio's compliance function and its read model both take. */
export interface PortfolioComplianceFilter {
  asOf?: string;
  standard?: string;
  state?: ComplianceState;
  tag?: string;
  program?: string;
}

/** The filters that a program's compliance function and its read model both take. */
export interface ProgramComplianceFilter {
  asOf?: string;
  standard?: string;
  state?: ComplianceState;
}

/** What one side of the comparison answered: the function's rows and summary, the model's pages and summary. */
interface Answers {
  computed: () => Promise<{ summary: Figures; rows: Row[] }>;
  page: (after: string | undefined) => Promise<{ rows: Row[]; next: string | null }>;
  summary: () => Promise<Figures>;
}

/**
 * Asserts that a compliance read model answers as the compliance function does: the rows of the function
 * (computed from history on each request) equal every page of the model's `/rows` (stored intervals), and its
 * `/summary` counts the same. Pages are small so that several are followed (in a small program, too). Returns the number of rows compared.
 * Facts that land between the function's answer and the model's (another service's events still flowing) make
 * a disagreement that is nobody's bug, so the comparison is made again then; when the function answers the
 * same after a disagreement, the facts did not move and the model is wrong: that fails at once. (Retrying any
 * disagreement hid a model that answered past instants from before its catch-up.)
 */
async function expectAgreement(query: object, answers: Answers, deadline = Date.now() + 20_000): Promise<number> {
  const computed = await answers.computed();
  try {
    return await expectModelAnswers(query, answers, computed);
  } catch (error) {
    const again = await answers.computed();
    const factsOf = (c: typeof computed) => ({ rows: c.rows.map(keyOf).sort(), summary: c.summary });
    if (Date.now() > deadline || isDeepStrictEqual(factsOf(again), factsOf(computed))) throw error;
    return expectAgreement(query, answers, deadline);
  }
}

const keyOf = (r: Row) => `${r.projectId} ${r.versionId} ${r.state} ${r.adoptionDeadline}`;

async function expectModelAnswers(query: object, answers: Answers, computed: { summary: Figures; rows: Row[] }): Promise<number> {
  const stored: Row[] = [];
  let after: string | undefined;
  do {
    const page = await answers.page(after);
    stored.push(...page.rows);
    after = page.next ?? undefined;
  } while (after);
  expect({ query, rows: stored.map(keyOf).sort() }).toEqual({ query, rows: computed.rows.map(keyOf).sort() });
  const { total, compliant, byState } = computed.summary;
  expect(await answers.summary()).toMatchObject({ total, compliant, byState });
  return stored.length;
}

/** The portfolio's read model (strategic-pmo at `url`) against its compliance function; see expectAgreement. */
export function expectPortfolioModelAgrees(url: string, token: string, query: PortfolioComplianceFilter): Promise<number> {
  const strategic = strategicClient(url, token, { fetch: observedFetch });
  return expectAgreement(query, {
    computed: async () => {
      const answer = await strategic.GET('/portfolio/compliance', { params: { query } });
      expect(answer.response.status).toBe(200);
      return jsonOf(answer);
    },
    page: async (after) => {
      const answer = await strategic.GET('/portfolio/compliance/rows', { params: { query: { ...query, limit: PAGE, ...(after && { after }) } } });
      expect(answer.response.status).toBe(200);
      return dataOf(answer);
    },
    summary: async () => dataOf(await strategic.GET('/portfolio/compliance/summary', { params: { query } })).summary,
  });
}

/** A program's read model (program-pmo at `url`) against its compliance function; see expectAgreement. */
export function expectProgramModelAgrees(url: string, token: string, programId: string, query: ProgramComplianceFilter): Promise<number> {
  const program = programClient(url, token, { fetch: observedFetch });
  const path = { programId };
  return expectAgreement(query, {
    computed: async () => {
      const answer = await program.GET('/programs/{programId}/compliance', { params: { path, query } });
      expect(answer.response.status).toBe(200);
      return jsonOf(answer);
    },
    page: async (after) => {
      const answer = await program.GET('/programs/{programId}/compliance/rows', {
        params: { path, query: { ...query, limit: PAGE, ...(after && { after }) } },
      });
      expect(answer.response.status).toBe(200);
      return dataOf(answer);
    },
    summary: async () => dataOf(await program.GET('/programs/{programId}/compliance/summary', { params: { path, query } })).summary,
  });
}

/**
 * Both read models against the compliance function over the whole platform: the portfolio's at each instant, and
 * each program's at the first and the last. Run after a scenario that moved the clocks through its days.
 */
export async function expectReadModelsAgreeEverywhere(urls: { strategic: string; program: string }, token: string, instants: readonly Date[]): Promise<void> {
  for (const instant of instants) await expectPortfolioModelAgrees(urls.strategic, token, { asOf: instant.toISOString() });
  const programs = dataOf(await strategicClient(urls.strategic, token, { fetch: observedFetch }).GET('/portfolio/programs'));
  for (const { programId } of programs) {
    for (const instant of [instants[0], instants[instants.length - 1]])
      await expectProgramModelAgrees(urls.program, token, programId, { asOf: instant.toISOString() });
  }
}
