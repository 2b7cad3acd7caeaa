import { checkComplianceModel } from '@pmo/compliance-model';
import { complianceCsvLine, heatmapCellCounts, rollUpCounts, type LabelledComplianceRow } from '@pmo/contracts';
import {
  callApi,
  eventually,
  expectPortfolioModelAgrees,
  getOnTheWire,
  keycloakToken,
  startServiceAlone,
  uniqueSuffix,
  type PortfolioComplianceFilter,
  type ServiceAlone,
} from '@pmo/testing';
import { randomUUID } from 'node:crypto';
import { startStrategicPmo } from '../bootstrap';
import { portfolioComplianceConfig } from './portfolio-compliance-config';

// strategic-pmo alone with a controllable clock: facts arrive as events at simulated instants, the clock moves
// across deadlines and cadence lapses, and the read model is compared with the compliance function throughout.
let service: ServiceAlone;
let admin: string;
let platform: string;
const tag = `model-${uniqueSuffix()}`;
const programId = randomUUID();
const [adopting, tailoring, waiting, silent] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const T0 = Date.parse('2031-03-03T09:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
let standardId: string;
let versionId: string;

const api = <T>(method: string, path: string, body?: unknown, token = admin) => callApi<T>(method, `${service.url}${path}`, token, body);
async function moveClock(days: number): Promise<void> {
  expect((await api('PUT', '/clock', { now: at(days) }, platform)).status).toBe(200);
}
function decide(projectId: string, decision: string, days: number, choices: Record<string, number> = {}): Promise<void> {
  return service.publish('pmo.adoption.decided.v1', {
    decisionId: randomUUID(),
    programId,
    projectId,
    standardId,
    versionId,
    version: '1.0.0',
    decision: decision as 'adopt',
    choices,
    reason: 'test',
    actor: { subject: 'test', name: 'Test' },
    decidedAt: at(days),
  });
}
function report(projectId: string, days: number): Promise<void> {
  return service.publish('pmo.status-report.submitted.v1', {
    reportId: randomUUID(),
    projectId,
    programId,
    formatVersionId: randomUUID(),
    submittedAt: at(days),
  });
}
type Counts = { total: number; byState: Record<string, number> };
type Heatmap = { asOf: string; states: string[]; programs: { programId: string }[]; standards: string[]; cells: number[][] };
const agrees = (query: PortfolioComplianceFilter) => expectPortfolioModelAgrees(service.url, admin, query);

beforeAll(async () => {
  service = await startServiceAlone('strategic-pmo', `strategic_model_${uniqueSuffix()}`, startStrategicPmo, { PMO_CONTROLLABLE_CLOCK: 'true' });
  [admin, platform] = await Promise.all([keycloakToken('sam.strategic'), keycloakToken('pat.platform')]);
  await moveClock(0);
  await service.publish('pmo.program.registered.v1', { programId, name: `Model ${tag}`, description: '', tags: [tag], registeredAt: at(0), code: tag });
  for (const [i, projectId] of [adopting, tailoring, waiting, silent].entries()) {
    await service.publish('pmo.project.registered.v1', { projectId, programId, name: `Project ${i}`, phase: 'execution', tags: [], registeredAt: at(0) });
  }
  const created = await api<{ id: string }>('POST', '/standards', { key: tag, title: 'Status reporting', kind: 'standard', owner: 'PMO' });
  standardId = created.body.id;
  const base = `/standards/${standardId}/versions`;
  expect(
    (
      await api('POST', base, {
        version: '1.0.0',
        level: 'mandatory',
        effectiveDate: at(0).slice(0, 10),
        adoptionDeadline: at(20).slice(0, 10),
        applicability: { scope: 'tags', tags: [tag] },
        requirements: [{ id: 'STATUS-CADENCE', text: 'Report every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
      })
    ).status,
  ).toBe(201);
  await api('POST', `${base}/1.0.0/submit`);
  const published = await api<{ id: string }>('POST', `${base}/1.0.0/publish`, {
    rollout: [{ name: 'all', programIds: [programId], programTags: [], opensOn: at(0).slice(0, 10), adoptionDeadline: at(20).slice(0, 10) }],
  });
  expect(published.status).toBe(200);
  versionId = published.body.id;
});

afterAll(() => service?.stop());

describe('the portfolio compliance read model', () => {
  it('answers as the compliance function at every date, as events arrive and the clock passes deadlines and cadences', async () => {
    await moveClock(1);
    await decide(adopting, 'adopt', 1);
    await decide(tailoring, 'tailor', 1, { 'STATUS-CADENCE': 7 });
    await moveClock(2);
    await decide(waiting, 'variance-needed', 2);
    await report(adopting, 2);
    await report(tailoring, 2);
    // Events are applied after `publish` returns: the comparisons start once all of them are in.
    await eventually(async () => {
      const [{ decisions, reports }] = (await service.dataSource.query(
        `SELECT (SELECT count(*)::int FROM portfolio_adoption_decisions WHERE program_id = $1) AS decisions,
                (SELECT count(*)::int FROM portfolio_status_reports WHERE project_id = ANY($2::uuid[])) AS reports`,
        [programId, [adopting, tailoring]],
      )) as { decisions: number; reports: number }[];
      expect({ decisions, reports }).toEqual({ decisions: 3, reports: 2 });
    });
    expect(await agrees({ program: programId })).toBe(4);
    // The tailored cadence of 7 days lapses on day 9, the widest one of 14 on day 16, the deadline passes on day 21.
    for (const day of [5, 9.5, 17, 22, 30]) {
      await moveClock(day);
      await agrees({ program: programId });
    }
    for (const day of [-1, 0.5, 1.5, 9, 9.5, 16.2, 20.9, 21.1, 29]) await agrees({ program: programId, asOf: at(day) });
    const states = await api<{ rows: { projectId: string; state: string }[] }>('GET', `/portfolio/compliance/rows?program=${programId}&asOf=${at(17)}`);
    expect(Object.fromEntries(states.body.rows.map((r) => [r.projectId, r.state]))).toEqual({
      [adopting]: 'non-compliant',
      [tailoring]: 'non-compliant',
      [waiting]: 'variance-pending',
      [silent]: 'pending',
    });
    const rebuilt = await checkComplianceModel(service.dataSource.manager, portfolioComplianceConfig, new Date(at(30)));
    expect({ onlyStored: rebuilt.onlyStored, onlyRebuilt: rebuilt.onlyRebuilt }).toEqual({ onlyStored: [], onlyRebuilt: [] });
    expect(rebuilt.countsOff).toEqual([]);
    expect(rebuilt.intervals).toBeGreaterThan(4);
  });

  it('keeps an interval per state with its bounds, and a review at the next instant the clock changes a row', async () => {
    const intervals = (await service.dataSource.query(
      `SELECT state, lower(valid) AS "from", upper(valid) AS "to" FROM portfolio_compliance_intervals WHERE project_id = $1 ORDER BY lower(valid)`,
      [tailoring],
    )) as { state: string; from: Date; to: Date | null }[];
    // Pending from the wave's opening (when the service saw the clock at day 0), tailored from the decision, and
    // non-compliant from the first millisecond after the tailored 7 days since the report of day 2.
    expect(intervals.map((i) => [i.state, i.to?.toISOString() ?? null])).toEqual([
      ['pending', at(1)],
      ['tailored', new Date(T0 + 9 * DAY + 1).toISOString()],
      ['non-compliant', null],
    ]);
    expect(intervals[0].from.getTime() - T0).toBeLessThan(DAY);
  });

  it('counts per program × standard for the heatmap and streams every row as CSV', async () => {
    const heatmap = await api<Heatmap>('GET', `/portfolio/compliance/heatmap?tag=${tag}`);
    expect(heatmap.body.programs.map((p) => p.programId)).toEqual([programId]);
    expect(heatmap.body.standards).toEqual([tag]);
    expect(heatmap.body.cells).toHaveLength(1);
    expect(heatmap.body.cells[0].slice(0, 2)).toEqual([0, 0]);
    const counts = heatmapCellCounts(heatmap.body.states, heatmap.body.cells[0]);
    expect(rollUpCounts(counts).total).toBe(4);
    expect(counts.overdue).toBe(2);
    const csv = await fetch(`${service.url}/portfolio/compliance/export?program=${programId}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('programId,programCode,programName,projectId,projectCode,projectName,standardKey,version,adoptionDeadline,state');
    expect(lines).toHaveLength(5);
    // The same rows, in the same order and labels, as the pages give them.
    const page = await api<{ rows: LabelledComplianceRow[] }>('GET', `/portfolio/compliance/rows?program=${programId}&limit=100`);
    expect(lines.slice(1).map((line) => `${line}\r\n`)).toEqual(page.body.rows.map(complianceCsvLine));
  });

  it('counts a past instant’s heatmap from the intervals, as the rows of that instant', async () => {
    // Day 3 is before the model's last boundary: not the kept counts, every interval valid then.
    const asOf = at(3);
    const heatmap = await api<Heatmap>('GET', `/portfolio/compliance/heatmap?tag=${tag}&asOf=${asOf}`);
    const rows = await api<{ rows: LabelledComplianceRow[] }>('GET', `/portfolio/compliance/rows?tag=${tag}&asOf=${asOf}&limit=100`);
    const expected: Record<string, number> = {};
    for (const row of rows.body.rows) expected[row.state] = (expected[row.state] ?? 0) + 1;
    expect(heatmap.body.cells).toHaveLength(1);
    const counts = heatmapCellCounts(heatmap.body.states, heatmap.body.cells[0]);
    expect(Object.fromEntries(Object.entries(counts).filter(([, n]) => (n ?? 0) > 0))).toEqual(expected);
    expect(rows.body.rows.length).toBeGreaterThan(0);
  });

  it("shows a decision in the very next heatmap and summary after it, though those of now are kept under the counts' version", async () => {
    const nonZero = (counts: Counts | undefined) => Object.fromEntries(Object.entries(counts?.byState ?? {}).filter(([, n]) => n > 0));
    const heatmap = async () => {
      const answer = await api<Heatmap>('GET', `/portfolio/compliance/heatmap?tag=${tag}`);
      expect(answer.status).toBe(200);
      return answer.body;
    };
    const firstCell = (answer: Heatmap) => rollUpCounts(heatmapCellCounts(answer.states, answer.cells[0] ?? []));
    const summary = async () => (await api<{ summary: Counts }>('GET', `/portfolio/compliance/summary?tag=${tag}`)).body.summary;
    // What the rows of now say, counted here: the pages read the intervals, never a kept answer.
    const rowStates = async () => {
      const page = await api<{ rows: { state: string }[] }>('GET', `/portfolio/compliance/rows?program=${programId}&limit=100`);
      return page.body.rows.reduce<Record<string, number>>((counts, row) => ({ ...counts, [row.state]: (counts[row.state] ?? 0) + 1 }), {});
    };
    const expectAnswersAgree = async () => {
      const rows = await rowStates();
      expect(nonZero(firstCell(await heatmap()))).toEqual(rows);
      expect(nonZero(await summary())).toEqual(rows);
      return rows;
    };
    const before = await expectAnswersAgree();
    // A second answer of the same selection at the same version: the same cells, at its own instant.
    const [first, second] = [await heatmap(), await heatmap()];
    expect({ ...second, asOf: first.asOf }).toEqual(first);
    const currentState = async () =>
      (
        (await service.dataSource.query(`SELECT state FROM portfolio_compliance_intervals WHERE project_id = $1 AND upper_inf(valid)`, [silent])) as {
          state: string;
        }[]
      ).map((r) => r.state);
    const [stateBefore] = await currentState();
    await decide(silent, 'adopt', 30);
    // Events are applied after `publish` returns: once the model's row is committed, the very next answers show it.
    await eventually(async () => expect(await currentState()).not.toEqual([stateBefore]));
    expect(await expectAnswersAgree()).not.toEqual(before);
  });

  it('returns every row exactly once across pages while rows change between pages', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let page = 0;
    do {
      const answer: { status: number; body: { rows: { projectId: string }[]; next: string | null } } = await api(
        'GET',
        `/portfolio/compliance/rows?program=${programId}&limit=1${after ? `&after=${after}` : ''}`,
      );
      seen.push(...answer.body.rows.map((r) => r.projectId));
      after = answer.body.next;
      // Between pages, decisions change the state of rows already read and of rows still to come.
      await decide([adopting, tailoring, waiting, silent][page % 4], 'adopt', 30);
      page += 1;
    } while (after);
    expect(seen.sort()).toEqual([adopting, tailoring, waiting, silent].sort());
  });

  it('refuses a cursor it did not give out and a page size out of bounds, naming them', async () => {
    const cursor = await api<{ message: string }>('GET', '/portfolio/compliance/rows?after=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(cursor.body.message).toContain('after must be the next cursor of a previous page');
    const limit = await api<{ message: string }>('GET', '/portfolio/compliance/rows?limit=0');
    expect(limit.status).toBe(400);
    expect(JSON.stringify(limit.body)).toContain('limit');
    const state = await api<{ message: string }>('GET', '/portfolio/compliance/summary?state=compliant-ish');
    expect(state.status).toBe(400);
    expect(JSON.stringify(state.body)).toContain('state');
  });

  it('sends kept answers gzipped to a request that accepts gzip, the same JSON as plain, and a decision in the very next one', async () => {
    const gzipped = async <T>(path: string) => {
      const answer = await getOnTheWire(`${service.url}${path}`, admin, 'gzip, deflate, br');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      return answer.json<T & { asOf: string }>();
    };
    const paths = [`/portfolio/compliance/heatmap?tag=${tag}`, `/portfolio/compliance/summary?tag=${tag}`];
    for (const path of paths) {
      // Asked again if the clock changed a row between the two requests (a deadline passing): then they differ.
      await eventually(async () => {
        const plain = await getOnTheWire(`${service.url}${path}`, admin);
        expect(plain.headers['content-encoding']).toBeUndefined();
        const [fromGzip, fromPlain] = [await gzipped<object>(path), plain.json<{ asOf: string }>()];
        expect({ ...fromGzip, asOf: fromPlain.asOf }).toEqual(fromPlain);
      });
    }
    // A project of the program with no decision yet, then adopted: its row's state changes, and with it the counts.
    const fresh = randomUUID();
    await service.publish('pmo.project.registered.v1', {
      projectId: fresh,
      programId,
      name: 'Project gzip',
      phase: 'execution',
      tags: [],
      registeredAt: at(0),
    });
    const stateOf = async () =>
      (
        (await service.dataSource.query(`SELECT state FROM portfolio_compliance_intervals WHERE project_id = $1 AND upper_inf(valid)`, [fresh])) as {
          state: string;
        }[]
      ).map((r) => r.state);
    await eventually(async () => expect(await stateOf()).toHaveLength(1));
    const [stateBefore] = await stateOf();
    const answered = async () => {
      const heatmap = await gzipped<Heatmap>(paths[0]);
      const summary = await gzipped<{ summary: Counts }>(paths[1]);
      const cell: Record<string, number> = rollUpCounts(heatmapCellCounts(heatmap.states, heatmap.cells[0] ?? [])).byState;
      return { cell, summary: summary.summary.byState };
    };
    const before = await answered();
    await decide(fresh, 'adopt', 30);
    // Events are applied after `publish` returns: once the model's row is committed, the very next answers show it.
    await eventually(async () => expect(await stateOf()).not.toEqual([stateBefore]));
    const [stateAfter] = await stateOf();
    const after = await answered();
    expect(after.cell).toEqual(after.summary);
    expect(after.cell[stateAfter]).toBe((before.cell[stateAfter] ?? 0) + 1);
    expect(after.cell[stateBefore]).toBe((before.cell[stateBefore] ?? 0) - 1);
  });
});
