import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { startDistributedServices, type DistributedServices } from '../distributed-services';
// The untyped callApi on purpose: its own calls set up what the audit must show as sent (a playbook's raw YAML, refused roles); the scenarios it runs are typed.
import { callApi, observeApiCalls, type ApiCall } from '../http-client';
import { uniqueSuffix } from '../fresh-ids';
import { LOCAL_INFRASTRUCTURE } from '../infrastructure';
import { keycloakUserToken } from '../keycloak-admin';
import { keycloakToken } from '../keycloak-tokens';
import { runAdoptionScenario } from './adoption.scenario';
import { runRegulatedFeedbackScenario } from './feedback.scenario';
import { runReportsScenario } from './reports.scenario';
import { runStandardsScenario } from './standards.scenario';
import { runVarianceScenario } from './variances.scenario';
import type { ServiceUrls } from './walking-skeleton.scenario';

// The audit log of the three services in the distributed mode: the scenarios' changes each leave an entry
// carrying their request id; auditors read, filter, export and verify it; a row changed behind the
// trigger's back is named by the endpoint and by the CLI.
const suffix = uniqueSuffix();
const urls: ServiceUrls = { strategic: '', program: '', project: '' };
const databases = { strategic: '', program: '', project: '' };
let platform: DistributedServices;
const calls: ApiCall[] = [];
const ROOT = resolve(__dirname, '../../../..');

type Service = keyof ServiceUrls;

function query<T>(service: Service, sql: string, params: unknown[] = []): Promise<T[]> {
  return platform.query<T>(service, sql, params);
}

function serviceOf(url: string): Service {
  const found = (Object.keys(urls) as Service[]).find((service) => url.startsWith(`${urls[service]}/`));
  if (!found) throw new Error(`no service at ${url}`);
  return found;
}

function runCli(args: string[]): Promise<{ code: number; stdout: string }> {
  const env = {
    ...process.env,
    PMO_DB_HOST: LOCAL_INFRASTRUCTURE.db.host,
    PMO_DB_PORT: String(LOCAL_INFRASTRUCTURE.db.port),
    PMO_DB_USER: LOCAL_INFRASTRUCTURE.db.user,
    PMO_DB_PASSWORD: LOCAL_INFRASTRUCTURE.db.password,
    PROGRAM_PMO_DB_NAME: databases.program,
  };
  return promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'tools/audit-verify.ts', ...args], { cwd: ROOT, env }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

beforeAll(async () => {
  platform = await startDistributedServices('e2e_audit', suffix);
  Object.assign(urls, platform.urls);
  Object.assign(databases, platform.databases);
});

afterAll(async () => {
  expect(await platform.stop()).toEqual([0, 0, 0]);
});

// A successor for the same programs: publishing it supersedes the first version.
async function publishSuccessor(admin: string): Promise<void> {
  const standard = (
    await callApi<{ id: string }>('POST', `${urls.strategic}/standards`, admin, { key: `audit-${suffix}`, title: 'Audit', kind: 'standard', owner: 'PMO' })
  ).body.id;
  const today = (await callApi<{ now: string }>('GET', `${urls.strategic}/clock`, admin)).body.now.slice(0, 10);
  const requirement = { id: 'RISK-LOG', text: 'Keep a risk log' };
  for (const [version, requirements] of [
    ['1.0.0', [requirement]],
    ['1.1.0', [requirement, { id: 'ISSUE-LOG', text: 'Keep an issue log' }]],
  ] as const) {
    const base = `${urls.strategic}/standards/${standard}/versions`;
    const draft = {
      version,
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: today,
      applicability: { scope: 'tags', tags: [`audit-${suffix}`] },
      requirements,
    };
    expect((await callApi('POST', base, admin, draft)).status).toBe(201);
    expect((await callApi('POST', `${base}/${version}/submit`, admin)).status).toBe(200);
    const rollout = [{ name: 'all', programIds: [], programTags: [`audit-${suffix}`], opensOn: today, adoptionDeadline: today }];
    expect((await callApi('POST', `${base}/${version}/publish`, admin, { rollout })).status).toBe(200);
  }
}

describe('the audit log', () => {
  it('has an entry, with its request id, for every change the scenarios make through the APIs', async () => {
    const stopObserving = observeApiCalls((call) => calls.push(call));
    try {
      const tokens = {
        admin: await keycloakToken('sam.strategic'),
        platform: await keycloakToken('pat.platform'),
        programManager: await keycloakToken('paula.program'),
      };
      await runStandardsScenario(urls, tokens);
      await runAdoptionScenario(urls, tokens);
      await runReportsScenario(urls, tokens);
      // Variance and feedback come from managers of programs of their own (groups program-<code>).
      for (const [code, scenario] of [
        [`pm-var-${suffix}`, runVarianceScenario],
        [`pm-fb-${suffix}`, runRegulatedFeedbackScenario],
      ] as const) {
        const programManager = await keycloakUserToken(`manager.${code}`, 'program-manager', [`program-${code}`]);
        await scenario(urls, { ...tokens, programManager, programCode: code });
      }
      await importPlaybook(tokens.admin);
      await publishSuccessor(tokens.admin);
    } finally {
      stopObserving();
    }
    const seenKeys = new Set<string>();
    const changes = calls.filter((call) => {
      if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(call.method) || call.status >= 300) return false;
      if (call.url.endsWith('/validate')) return false; // checks a sample report, stores nothing
      // A retry with the same Idempotency-Key answers the first result and changes nothing.
      const key = call.requestHeaders['idempotency-key'];
      if (key && seenKeys.has(key)) return false;
      if (key) seenKeys.add(key);
      return true;
    });
    expect(changes.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const call of changes) {
      expect(call.requestId).toMatch(/^[0-9a-f-]{36}$/);
      const rows = await query(serviceOf(call.url), `SELECT 1 FROM audit_log WHERE request_id = $1`, [call.requestId]);
      if (rows.length === 0) missing.push(`${call.method} ${call.url} (${call.status})`);
    }
    expect(missing).toEqual([]);
    // The schedulers' changes are entries of a system actor.
    const system = await query<{ action: string }>('strategic', `SELECT DISTINCT action FROM audit_log WHERE actor_subject LIKE 'system:%' ORDER BY action`);
    expect(system.map((r) => r.action)).toEqual(expect.arrayContaining(['rollout-wave.opened', 'variance.expired', 'variance.escalated']));
    const overdue = await query<{ actor_subject: string }>('program', `SELECT DISTINCT actor_subject FROM audit_log WHERE action = 'adoption.overdue-noticed'`);
    expect(overdue).toEqual([{ actor_subject: 'system:overdue-scheduler' }]);
    const clock = await query<{ actor_name: string }>('project', `SELECT actor_name FROM audit_log WHERE action = 'clock.moved' LIMIT 1`);
    expect(clock).toHaveLength(1);
    // A publication also audits what it changes besides its version: the ones it supersedes, the feedback it
    // closes. (The waves it opens at once are the rollout scheduler's entries, woken by the request: they
    // carry its request id too.)
    const publication = await query<{ action: string; actions: string[] }>(
      'strategic',
      `SELECT p.action, array_agg(DISTINCT o.action ORDER BY o.action) AS actions FROM audit_log p JOIN audit_log o ON o.request_id = p.request_id AND o.seq <> p.seq
       WHERE p.action = 'standard-version.published' AND o.action <> 'rollout-wave.opened' GROUP BY p.seq, p.action`,
    );
    // (The regulated variant closes feedback without superseding: the organisation-wide version stays in force.)
    expect(publication.map((p) => p.actions)).toContainEqual(['standard-version.superseded']);
    expect(publication.map((p) => p.actions)).toContainEqual(['feedback.closed']);
  });

  it('keeps the caller’s X-Request-Id', async () => {
    const requestId = `client-${randomUUID()}`;
    const answer = await fetch(`${urls.program}/programs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await keycloakToken('sam.strategic')}`, 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ name: `Audited program ${suffix}` }),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-request-id')).toBe(requestId);
    const [entry] = await query<{ action: string; actor_name: string }>('program', `SELECT action, actor_name FROM audit_log WHERE request_id = $1`, [
      requestId,
    ]);
    expect(entry).toEqual({ action: 'program.registered', actor_name: expect.any(String) });
  });

  it('groups concurrent registrations into shared transactions, each keeping its own outcome, request id and trace', async () => {
    const token = await keycloakToken('sam.strategic');
    const names = Array.from({ length: 39 }, (_, i) => `Grouped ${i} ${suffix}`);
    const answers = await Promise.all(
      names.map((name, i) => callApi<{ id: string }>('POST', `${urls.program}/programs`, token, { name }, { 'x-request-id': `grouped-${i}-${suffix}` })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(39);
    // Two calls for one name, at once: one gets 409, whether or not they share a group. Sent apart from the 39,
    // because a group that holds both is written again one by one, and with them every program of that group.
    const twice = await Promise.all([0, 1].map(() => callApi('POST', `${urls.program}/programs`, token, { name: `Grouped twice ${suffix}` })));
    expect(twice.map((a) => a.status).sort()).toEqual([201, 409]);
    const ids = answers.filter((a) => a.status === 201).map((a) => a.body.id);
    const rows = await query<{ id: string; tx: string; request_id: string; trace_id: string; traceparent: string; events: number }>(
      'program',
      `SELECT p.id, p.xmin::text AS tx, a.request_id, a.trace_id, o.headers->>'traceparent' AS traceparent,
              (SELECT count(*)::int FROM outbox WHERE message_key = p.id::text) AS events
       FROM programs p JOIN audit_log a ON a.entity_id = p.id::text JOIN outbox o ON o.message_key = p.id::text WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows).toHaveLength(39);
    // Rows written by one transaction share its xmin: fewer transactions than programs means grouped commits.
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThan(39);
    expect(rows.every((r) => r.events === 1)).toBe(true);
    const requestOf = new Map(answers.map((a, i) => [a.body?.id, `grouped-${i}-${suffix}`]));
    expect(rows.every((r) => r.request_id === requestOf.get(r.id))).toBe(true);
    // Each event continues the trace of its own request, the one its audit entry names.
    expect(rows.every((r) => r.traceparent.split('-')[1] === r.trace_id)).toBe(true);
    expect(new Set(rows.map((r) => r.trace_id)).size).toBe(39);
  });

  it('lets an auditor filter the log by entity, actor, action and time, page through it, and export CSV', async () => {
    const auditor = await keycloakToken('ada.auditor');
    // Verifying seals what the background sealer has not reached yet, so every entry below has its hash.
    expect((await callApi('GET', `${urls.program}/audit/verify`, auditor)).status).toBe(200);
    const [program] = await query<{ entity_id: string; actor_subject: string; at: Date }>(
      'program',
      `SELECT entity_id, actor_subject, at FROM audit_log WHERE action = 'program.registered' ORDER BY seq LIMIT 1`,
    );
    type Page = {
      entries: { seq: number; entityId: string; entityType: string; actor: { subject: string }; action: string; at: string; hash: string }[];
      nextAfterSeq?: number;
    };
    const byEntity = await callApi<Page>('GET', `${urls.program}/audit?entityType=program&entityId=${program.entity_id}`, auditor);
    expect(byEntity.status).toBe(200);
    expect(byEntity.body.entries).toEqual([
      expect.objectContaining({
        entityType: 'program',
        entityId: program.entity_id,
        action: 'program.registered',
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    const byActor = await callApi<Page>('GET', `${urls.program}/audit?actor=${program.actor_subject}&limit=1000`, auditor);
    expect(byActor.body.entries.length).toBeGreaterThan(0);
    expect(byActor.body.entries.every((e) => e.actor.subject === program.actor_subject)).toBe(true);
    const later = new Date(program.at.getTime() + 1).toISOString();
    const inWindow = await callApi<Page>('GET', `${urls.program}/audit?action=program.registered&to=${later}`, auditor);
    expect(inWindow.body.entries.map((e) => e.entityId)).toContain(program.entity_id);
    const afterWindow = await callApi<Page>('GET', `${urls.program}/audit?entityId=${program.entity_id}&from=${later}`, auditor);
    expect(afterWindow.body.entries.filter((e) => e.action === 'program.registered')).toEqual([]);

    const pages: number[][] = [];
    let afterSeq: number | undefined = 0;
    while (afterSeq !== undefined && pages.length < 100) {
      const page: { body: Page } = await callApi<Page>('GET', `${urls.strategic}/audit?limit=25&afterSeq=${afterSeq}`, auditor);
      pages.push(page.body.entries.map((e) => e.seq));
      afterSeq = page.body.nextAfterSeq;
    }
    // Every entry once, in seq order (seq may have gaps: a rolled-back change uses up its number).
    const stored = await query<{ seq: number }>('strategic', `SELECT seq::int AS seq FROM audit_log ORDER BY seq`);
    expect(pages.flat()).toEqual(stored.map((row) => row.seq).slice(0, pages.flat().length));
    expect(pages.flat().length).toBeGreaterThan(25);

    const csv = await fetch(`${urls.program}/audit?entityType=program&entityId=${program.entity_id}`, {
      headers: { authorization: `Bearer ${auditor}`, accept: 'text/csv' },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'seq,at,domain_at,actor_subject,actor_name,action,entity_type,entity_id,reason,request_id,trace_id,before,after,chain_pos,prev_hash,hash',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,program.registered,program,${program.entity_id},`);
    const asFormat = await callApi<string>('GET', `${urls.program}/audit?format=csv&entityId=${program.entity_id}`, auditor);
    expect(asFormat.body).toContain('program.registered');
  });

  it.each([
    ['limit=0', 'limit must not be less than 1'],
    ['limit=abc', 'limit must be an integer number'],
    ['from=yesterday', 'from must be a valid ISO 8601 date string'],
    ['from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z', 'from must not be after to'],
    ['format=xml', 'format must be one of the following values: json, csv'],
    ['sort=seq', 'property sort should not exist'],
  ])('answers 400 naming the field for %s', async (params, message) => {
    const answer = await callApi<{ code: string; message: string }>('GET', `${urls.project}/audit?${params}`, await keycloakToken('ada.auditor'));
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain(message);
  });

  it('answers 403 to every role but auditor', async () => {
    for (const user of ['sam.strategic', 'pat.platform', 'paula.program']) {
      for (const path of ['/audit', '/audit/verify']) expect((await callApi('GET', `${urls.strategic}${path}`, await keycloakToken(user))).status).toBe(403);
    }
  });

  it('refuses a DELETE of audit rows through the connection the services use', async () => {
    await expect(query('program', `DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow('audit_log is append-only: DELETE is not allowed');
  });

  it('verifies the three chains, then names the row a superuser changed behind the trigger, in the endpoint and the CLI', async () => {
    const auditor = await keycloakToken('ada.auditor');
    for (const url of Object.values(urls)) {
      const report = await callApi<{ ok: boolean; checked: number; headSeq: number; pending: number }>('GET', `${url}/audit/verify`, auditor);
      expect(report.status).toBe(200);
      // The endpoint seals first: every entry written so far is in the chain it checked.
      expect(report.body).toMatchObject({ ok: true, pending: 0 });
      expect(report.body.checked).toBeGreaterThan(0);
    }
    const holds = await runCli(['--service', 'program-pmo']);
    expect(holds).toEqual({ code: 0, stdout: expect.stringContaining('audit chain holds') });

    const [{ seq, pos }] = await query<{ seq: string; pos: string }>(
      'program',
      `SELECT seq::text AS seq, chain_pos::text AS pos FROM audit_log WHERE action = 'variance.requested' ORDER BY seq LIMIT 1`,
    );
    const client = new Client({ ...LOCAL_INFRASTRUCTURE.db, database: databases.program });
    await client.connect();
    try {
      await client.query(`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await client.query(`UPDATE audit_log SET reason = 'approved long ago' WHERE seq = $1`, [seq]);
      await client.query(`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    } finally {
      await client.end();
    }
    const report = await callApi('GET', `${urls.program}/audit/verify`, auditor);
    expect(report.body).toEqual({
      ok: false,
      checked: Number(pos),
      firstBrokenSeq: Number(seq),
      reason: expect.stringContaining('content was changed'),
      pending: 0,
    });
    const broken = await runCli(['--service', 'program-pmo']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`audit chain BROKEN at seq ${seq}`);
    const json = await runCli(['--database', databases.program, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ database: databases.program, ok: false, firstBrokenSeq: Number(seq) });
  });
});

// Methodology import is the one change of the catalog the scenarios above do not make.
async function importPlaybook(token: string): Promise<void> {
  const standard = await callApi<{ id: string }>('POST', `${urls.strategic}/standards`, token, {
    key: `audit-method-${suffix}`,
    title: 'Audited methodology',
    kind: 'methodology',
    owner: 'PMO',
  });
  const base = `${urls.strategic}/standards/${standard.body.id}/versions`;
  const today = new Date().toISOString().slice(0, 10);
  expect(
    (
      await callApi('POST', base, token, {
        version: '1.0.0',
        level: 'recommended',
        effectiveDate: today,
        adoptionDeadline: today,
        applicability: { scope: 'organisation' },
        requirements: [],
      })
    ).status,
  ).toBe(201);
  const keyTask =
    '---\nphase: 1\nkeyTask: 1\nname: Establish the PMO\nobjective: Run the program.\nresponsibleParty: customer\ncategory: programManagement\nactivities:\n  - text: Write the charter\n    responsibleParty: customer\n---\n';
  const imported = await callApi('PUT', `${base}/1.0.0/playbook?file=1.1-pmo.md`, token, keyTask, { 'content-type': 'application/yaml' });
  expect(imported.status).toBe(200);
}
