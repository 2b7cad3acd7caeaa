import { checkComplianceModel } from '@pmo/compliance-model';
import {
  callApi,
  eventually,
  expectProgramModelAgrees,
  getOnTheWire,
  keycloakToken,
  startServiceAlone,
  uniqueSuffix,
  type ProgramComplianceFilter,
  type ServiceAlone,
} from '@pmo/testing';
import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startProgramPmo } from '../bootstrap';
import { programComplianceConfig } from './program-compliance-config';

// A full collection on demand without starting jest with --expose-gc.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// program-pmo alone with a controllable clock: decisions over HTTP, reports and standards as events, the clock
// moved across a deadline and cadence lapses; the read model is compared with the compliance function throughout.
let service: ServiceAlone;
let admin: string;
let platform: string;
let programId: string;
const T0 = Date.parse('2032-05-03T09:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const projects = Array.from({ length: 4 }, () => randomUUID());
const [adopting, tailoring, waiting] = projects;

const api = <T>(method: string, path: string, body?: unknown, token = admin) => callApi<T>(method, `${service.url}${path}`, token, body);
async function moveClock(days: number): Promise<void> {
  expect((await api('PUT', '/clock', { now: at(days) }, platform)).status).toBe(200);
}

/** A mandatory standard in force for the program from `day` (0 unless said), by a wave that opened then. */
async function publishStandard(key: string, programIds: string[], deadlineDays: number, day = 0): Promise<string> {
  const [standardId, versionId] = [randomUUID(), randomUUID()];
  const wave = { name: 'wave 1', programIds, programTags: [], opensOn: at(day).slice(0, 10), adoptionDeadline: at(deadlineDays).slice(0, 10) };
  await service.publish('pmo.standard.version-published.v1', {
    standardId,
    key,
    title: key,
    kind: 'standard',
    level: 'mandatory',
    versionId,
    version: '1.0.0',
    effectiveDate: wave.opensOn,
    adoptionDeadline: wave.adoptionDeadline,
    applicability: { scope: 'programs', programIds },
    requirements: [{ id: 'STATUS-CADENCE', text: 'Report every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
    rollout: [wave],
    publishedAt: at(day),
  });
  const { name: waveName, ...waveTerms } = wave;
  await service.publish('pmo.rollout.wave-opened.v1', { standardId, versionId, version: '1.0.0', waveName, ...waveTerms, openedAt: at(day) });
  return versionId;
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

const agrees = (query: ProgramComplianceFilter = {}) => expectProgramModelAgrees(service.url, admin, programId, query);

beforeAll(async () => {
  service = await startServiceAlone('program-pmo', `program_model_${uniqueSuffix()}`, startProgramPmo, { PMO_CONTROLLABLE_CLOCK: 'true' });
  [admin, platform] = await Promise.all([keycloakToken('sam.strategic'), keycloakToken('pat.platform')]);
  await moveClock(0);
  programId = (await api<{ id: string }>('POST', '/programs', { name: `Model ${uniqueSuffix()}`, tags: ['finance'] })).body.id;
  for (const [i, projectId] of projects.entries()) {
    await service.publish('pmo.project.registered.v1', { projectId, programId, name: `Project ${i}`, phase: 'execution', tags: [], registeredAt: at(0) });
  }
});

afterAll(() => service?.stop());

describe("a program's compliance read model", () => {
  it('answers as the compliance function at every date, as decisions and reports arrive and the clock passes a deadline and cadences', async () => {
    const versionId = await publishStandard(`model-${uniqueSuffix()}`, [programId], 20);
    await eventually(async () => expect((await api<unknown[]>('GET', `/programs/${programId}/projects`)).body).toHaveLength(4));
    await eventually(async () => expect(await agrees()).toBe(4));
    await moveClock(1);
    const decide = (projectId: string, decision: string, choices?: Record<string, number>) =>
      api('POST', `/programs/${programId}/adoptions`, { versionId, projectIds: [projectId], decision, choices, reason: 'test' });
    expect((await decide(adopting, 'adopt')).status).toBe(201);
    expect((await decide(tailoring, 'tailor', { 'STATUS-CADENCE': 7 })).status).toBe(201);
    await moveClock(2);
    expect((await decide(waiting, 'variance-needed')).status).toBe(201);
    await report(adopting, 2);
    await report(tailoring, 2);
    // Reports arrive as events, applied after `publish` returns: the comparisons start once both are in.
    await eventually(async () => {
      const [{ reports }] = (await service.dataSource.query(`SELECT count(*)::int AS reports FROM program_status_reports WHERE program_id = $1`, [
        programId,
      ])) as { reports: number }[];
      expect(reports).toBe(2);
    });
    await agrees();
    for (const day of [5, 9.5, 17, 22, 30]) {
      await moveClock(day);
      await agrees();
    }
    for (const day of [-1, 0.5, 1.5, 9, 9.5, 16.2, 20.9, 21.1, 29]) await agrees({ asOf: at(day) });
    for (const state of ['overdue', 'non-compliant'] as const) expect(await agrees({ state })).toBe(2);
    const summary = await api<{ byStandard: { total: number }[] }>('GET', `/programs/${programId}/compliance/summary`);
    expect(summary.body.byStandard).toEqual([expect.objectContaining({ total: 4 })]);
    const rebuilt = await checkComplianceModel(service.dataSource.manager, programComplianceConfig, new Date(at(30)));
    expect({ onlyStored: rebuilt.onlyStored, onlyRebuilt: rebuilt.onlyRebuilt }).toEqual({ onlyStored: [], onlyRebuilt: [] });
    expect(rebuilt.countsOff).toEqual([]);
  });

  it("recomputes only the published standard's rows: the projects' other standards keep their intervals (same ids, same bounds)", async () => {
    const others = () =>
      service.dataSource.query(`SELECT id, version_id, state, valid::text FROM program_compliance_intervals WHERE project_id = ANY($1::uuid[]) ORDER BY id`, [
        projects,
      ]) as Promise<{ id: string; version_id: string; state: string; valid: string }[]>;
    const before = await others();
    expect(before.length).toBeGreaterThan(4);
    const versionId = await publishStandard(`second-${uniqueSuffix()}`, [programId], 60, 30);
    const current = async () =>
      (
        (await service.dataSource.query(
          `SELECT project_id, state FROM program_compliance_intervals WHERE version_id = $1 AND upper_inf(valid) ORDER BY project_id`,
          [versionId],
        )) as { project_id: string; state: string }[]
      ).map((r) => [r.project_id, r.state]);
    await eventually(async () => expect(await current()).toHaveLength(4));
    expect(await current()).toEqual([...projects].sort().map((p) => [p, 'pending']));
    expect((await others()).filter((r) => r.version_id !== versionId)).toEqual(before);
    const rebuilt = await checkComplianceModel(service.dataSource.manager, programComplianceConfig, new Date(at(30)));
    expect({ onlyStored: rebuilt.onlyStored, onlyRebuilt: rebuilt.onlyRebuilt }).toEqual({ onlyStored: [], onlyRebuilt: [] });
    expect(rebuilt.countsOff).toEqual([]);
  });

  it("marks a bulk decision's projects in one statement, each with its version's standard, and an update with the old row's and the new row's", async () => {
    const [first, second] = [
      await publishStandard(`marks-a-${uniqueSuffix()}`, [programId], 60, 30),
      await publishStandard(`marks-b-${uniqueSuffix()}`, [programId], 60, 30),
    ];
    const standardOf = async (versionId: string) => {
      const found = (await service.dataSource.query(`SELECT standard_id FROM standard_versions_view WHERE version_id = $1`, [versionId])) as {
        standard_id: string;
      }[];
      expect(found).toHaveLength(1);
      return found[0].standard_id;
    };
    const [firstStandard, secondStandard] = await eventually(async () => [await standardOf(first), await standardOf(second)]);
    const runner = service.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const marks = async () => {
        const rows = (await runner.query(
          `DELETE FROM program_compliance_marks WHERE tx = pg_current_xact_id_if_assigned() RETURNING project_id, from_at, standard_id`,
        )) as [{ project_id: string; from_at: Date; standard_id: string | null }[], number];
        return rows[0].map((m) => [m.project_id, m.from_at.toISOString(), m.standard_id]).sort((a, b) => String(a[1]).localeCompare(String(b[1])));
      };
      const decisionId = randomUUID();
      // One statement, three projects: two known versions of two standards and a version not seen yet (null: the whole project).
      await runner.query(
        `INSERT INTO adoption_decisions (id, program_id, project_id, standard_id, version_id, version, decision, reason, actor_subject, actor_name, decided_at)
         SELECT id, $1, project_id, standard_id, version_id, '1.0.0', 'adopt', 'marks', 'test', 'test', decided_at
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[]) AS d(id, project_id, standard_id, version_id, decided_at)`,
        [
          programId,
          [decisionId, randomUUID(), randomUUID()],
          [adopting, tailoring, waiting],
          [firstStandard, secondStandard, randomUUID()],
          [first, second, randomUUID()],
          [at(40), at(41), at(42)],
        ],
      );
      expect(await marks()).toEqual([
        [adopting, at(40), firstStandard],
        [tailoring, at(41), secondStandard],
        [waiting, at(42), null],
      ]);
      await runner.query(`UPDATE adoption_decisions SET version_id = $2, decided_at = $3 WHERE id = $1`, [decisionId, second, at(43)]);
      expect(await marks()).toEqual([
        [adopting, at(40), firstStandard],
        [adopting, at(43), secondStandard],
      ]);
      await runner.query(`DELETE FROM adoption_decisions WHERE id = $1`, [decisionId]);
      expect(await marks()).toEqual([[adopting, at(43), secondStandard]]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it("shows a decision in the very next summary after it, though the summary of now is kept under the counts' version", async () => {
    const key = `kept-${uniqueSuffix()}`;
    const versionId = await publishStandard(key, [programId], 60, 30);
    type Summary = { asOf: string; byStandard: { standardKey: string; byState: Record<string, number> }[] };
    const summary = async () => {
      const answer = await api<Summary>('GET', `/programs/${programId}/compliance/summary?standard=${key}`);
      expect(answer.status).toBe(200);
      return answer.body;
    };
    // What the rows of now say, counted here: the pages read the intervals, never a kept answer.
    const rowStates = async () => {
      const page = await api<{ rows: { state: string }[] }>('GET', `/programs/${programId}/compliance/rows?standard=${key}&limit=100`);
      return page.body.rows.reduce<Record<string, number>>((counts, row) => ({ ...counts, [row.state]: (counts[row.state] ?? 0) + 1 }), {});
    };
    const summaryStates = async () => {
      const [standard] = (await summary()).byStandard;
      return Object.fromEntries(Object.entries(standard?.byState ?? {}).filter(([, n]) => n > 0));
    };
    await eventually(async () => expect(await rowStates()).toEqual({ pending: 4 }));
    expect(await summaryStates()).toEqual({ pending: 4 });
    // A second answer of the same selection at the same version: the same counts, at its own instant.
    const [first, second] = [await summary(), await summary()];
    expect({ ...second, asOf: first.asOf }).toEqual(first);
    const decided = await api('POST', `/programs/${programId}/adoptions`, { versionId, projectIds: [adopting], decision: 'adopt', reason: 'test' });
    expect(decided.status).toBe(201);
    const after = await summaryStates();
    expect(after).toEqual(await rowStates());
    expect(after.pending).toBe(3);
  });

  it('sends the kept summary gzipped to a request that accepts gzip, the same JSON as plain, and an adoption in the very next one', async () => {
    const key = `gzip-${uniqueSuffix()}`;
    const versionId = await publishStandard(key, [programId], 60, 30);
    type Summary = { asOf: string; summary: { byState: Record<string, number> } };
    const url = `${service.url}/programs/${programId}/compliance/summary?standard=${key}`;
    const gzipped = async () => {
      const answer = await getOnTheWire(url, admin, 'gzip, deflate, br');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      return answer.json<Summary>();
    };
    await eventually(async () => expect((await gzipped()).summary.byState.pending).toBe(4));
    for (const plainly of [undefined, 'identity']) {
      const plain = await getOnTheWire(url, admin, plainly);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const [fromGzip, fromPlain] = [await gzipped(), plain.json<Summary>()];
      expect({ ...fromGzip, asOf: fromPlain.asOf }).toEqual(fromPlain);
    }
    const decided = await api('POST', `/programs/${programId}/adoptions`, { versionId, projectIds: [adopting], decision: 'adopt', reason: 'test' });
    expect(decided.status).toBe(201);
    // The very next gzipped answer counts the rows as the pages give them (the adopted project may be late reporting).
    const page = await api<{ rows: { state: string }[] }>('GET', `/programs/${programId}/compliance/rows?standard=${key}&limit=100`);
    const rowStates = page.body.rows.reduce<Record<string, number>>((counts, row) => ({ ...counts, [row.state]: (counts[row.state] ?? 0) + 1 }), {});
    const after = (await gzipped()).summary.byState;
    expect(Object.fromEntries(Object.entries(after).filter(([, n]) => n > 0))).toEqual(rowStates);
    expect(after.pending).toBe(3);
  });

  it("keeps a first page until a row or a project's name changes, and pages after it are computed", async () => {
    type Page = { rows: { projectId: string; projectName: string; state: string }[]; next: string | null };
    // Without its asOf, which is the instant of each request.
    const firstPage = async (): Promise<Page> => {
      const { rows, next } = (await api<Page>('GET', `/programs/${programId}/compliance/rows?limit=2`)).body;
      return { rows, next };
    };
    const first = await firstPage();
    expect(first.rows).toHaveLength(2);
    expect(await firstPage()).toEqual(first);
    const renamed = first.rows[0].projectId;
    const update = (name: string, percentComplete: number) =>
      service.publish('pmo.project.updated.v1', {
        projectId: renamed,
        programId,
        name,
        phase: 'execution',
        percentComplete,
        tags: [],
        updatedAt: at(30),
      });
    // Progress alone changes nothing the page shows.
    await update(first.rows[0].projectName, 40);
    await eventually(async () => {
      const [{ progress }] = (await service.dataSource.query(`SELECT percent_complete::float8 AS progress FROM program_projects WHERE project_id = $1`, [
        renamed,
      ])) as {
        progress: number;
      }[];
      expect(progress).toBe(40);
    });
    expect(await firstPage()).toEqual(first);
    await update(`Renamed ${uniqueSuffix()}`, 40);
    await eventually(async () => expect((await firstPage()).rows[0].projectName).toMatch(/^Renamed /));
    const second = (await api<Page>('GET', `/programs/${programId}/compliance/rows?limit=2&after=${first.next}`)).body;
    expect(second.rows.map((r) => r.projectId)).not.toContain(renamed);
  });

  it('answers 404 for an unknown program and 400 naming a bad filter', async () => {
    expect((await api('GET', `/programs/${randomUUID()}/compliance/summary`)).status).toBe(404);
    const bad = await api<{ message: string }>('GET', `/programs/${programId}/compliance/rows?after=nope`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('after must be the next cursor of a previous page');
  });

  it('answers a past instant the clock has just passed as the compliance function does, before the keeper caught up', async () => {
    const key = `passed-${uniqueSuffix()}`;
    await publishStandard(key, [programId], 40, 30);
    await eventually(async () => expect(await agrees({ standard: key })).toBe(4));
    // Holding the model's lock keeps the keeper from applying the deadline's reviews when the clock passes it.
    const blocker = service.dataSource.createQueryRunner();
    await blocker.connect();
    let released = false;
    try {
      await blocker.startTransaction();
      await blocker.query(`SELECT pg_advisory_xact_lock(hashtext('program_compliance_intervals'))`);
      await moveClock(45);
      const asOf = at(42);
      const summary = api<{ byStandard: { standardKey: string; byState: Record<string, number> }[] }>(
        'GET',
        `/programs/${programId}/compliance/summary?standard=${key}&asOf=${asOf}`,
      );
      // The read waits for the catch-up rather than answering the rows stored before the deadline passed.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await blocker.rollbackTransaction();
      released = true;
      const computed = await api<{ rows: { standardKey: string; state: string }[] }>('GET', `/programs/${programId}/compliance?asOf=${asOf}`);
      const expected = computed.body.rows
        .filter((row) => row.standardKey === key)
        .reduce<Record<string, number>>((counts, row) => ({ ...counts, [row.state]: (counts[row.state] ?? 0) + 1 }), {});
      expect(expected).not.toHaveProperty('pending');
      const { status, body } = await summary;
      expect(status).toBe(200);
      expect(Object.fromEntries(Object.entries(body.byStandard[0].byState).filter(([, n]) => n > 0))).toEqual(expected);
    } finally {
      if (!released) await blocker.rollbackTransaction();
      await blocker.release();
    }
  });

  it('streams a large CSV with the heap growing by far less than the export', async () => {
    // 12,000 projects × 10 standards = 120,000 rows, written behind the API in a few statements; the model
    // recomputes them all from the marks their triggers left.
    const big = (await api<{ id: string }>('POST', '/programs', { name: `Big ${uniqueSuffix()}`, tags: [] })).body.id;
    const suffix = uniqueSuffix();
    // A deadline far ahead: nothing turns overdue (and no notices are sent) while the export is measured.
    for (let i = 0; i < 10; i += 1) await publishStandard(`big-${i}-${suffix}`, [big], 400);
    await eventually(async () => {
      const [{ count }] = (await service.dataSource.query(
        `SELECT count(*)::int AS count FROM wave_openings_view JOIN standard_versions_view USING (version_id) WHERE key LIKE $1`,
        [`big-%-${suffix}`],
      )) as { count: number }[];
      expect(count).toBe(10);
    });
    await service.dataSource.query(
      `INSERT INTO program_projects (project_id, program_id, name, code, phase, tags, registered_at)
       SELECT gen_random_uuid(), $1, 'Project with a long enough name ' || n, 'big-' || n, 'execution', '{}', $2 FROM generate_series(1, 12000) n`,
      [big, at(0)],
    );
    // The read waits for the model's catch-up of 120,000 rows; on a busy machine that can outlast a request's time
    // budget (a 503 to retry), so the summary is asked until it answers.
    await eventually(
      async () => {
        const { status, body } = await api<{ summary: { total: number } }>('GET', `/programs/${big}/compliance/summary`);
        expect([status, body.summary?.total]).toEqual([200, 120_000]);
      },
      120_000,
      1_000,
    );
    // What the export keeps alive, not garbage not yet collected: the heap is measured after a full collection.
    const liveHeap = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const baseline = liveHeap();
    let peak = baseline;
    const response = await fetch(`${service.url}/programs/${big}/compliance/export`, { headers: { authorization: `Bearer ${admin}` } });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let [bytes, lines] = [0, 0];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      // Every megabyte or so, while the server is in the middle of the export.
      if (Math.floor((bytes + chunk.value.byteLength) / 1_000_000) > Math.floor(bytes / 1_000_000)) peak = Math.max(peak, liveHeap());
      bytes += chunk.value.byteLength;
      for (const byte of chunk.value) if (byte === 10) lines += 1;
    }
    expect(lines).toBe(120_001);
    // The export is about 25 MB; holding it (or its rows) at once would grow the heap by more than that.
    expect(bytes).toBeGreaterThan(20_000_000);
    expect(peak - baseline).toBeLessThan(bytes / 2);
  });
});
