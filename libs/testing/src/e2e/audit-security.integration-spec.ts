import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { startDistributedServices, type DistributedServices, type ServiceKey } from '../distributed-services';
import { eventually } from '../eventually';
import { uniqueSuffix } from '../fresh-ids';
// The untyped callApi on purpose: refused attempts send what the types forbid (bodies that fail validation, unknown ids) with chosen request ids.
import { callApi } from '../http-client';
import { LOCAL_INFRASTRUCTURE } from '../infrastructure';
import { keycloakUserToken } from '../keycloak-admin';
import { keycloakToken } from '../keycloak-tokens';

// Refused governance attempts in the audit log (README, "Audit"): a separation-of-duties refusal, an illegal
// transition and a scope refusal each leave one `security.refused` entry, written after the request's own
// transaction rolled back, and nothing else; every entry keeps the domain clock's time beside the database's,
// and the chains still verify.
const suffix = uniqueSuffix();
const ROOT = resolve(__dirname, '../../../..');
let platform: DistributedServices;
const tokens = { admin: '', auditor: '', platform: '', managerA: '', managerB: '' };
const codes = { a: `sec-a-${suffix}`, b: `sec-b-${suffix}` };
const programs = { a: '', b: '' };
let versionId = '';
let varianceId = '';

interface AuditRow {
  action: string;
  actor_subject: string;
  entity_type: string;
  entity_id: string;
  after: { rule: string; code: string; status: number; attempted: string };
  reason: string;
}

interface ErrorAnswer {
  code: string;
  message: string;
}

interface AuditPage {
  entries: { seq: number; at: string; domainAt: string | null; action: string; entityType: string; entityId: string; after: { rule: string } }[];
}

const urlOf = (service: ServiceKey, path: string) => `${platform.urls[service]}${path}`;

/** Every audit entry the request with this id left behind. */
function entriesOf(service: ServiceKey, requestId: string): Promise<AuditRow[]> {
  return platform.query<AuditRow>(
    service,
    `SELECT action, actor_subject, entity_type, entity_id, after, reason FROM audit_log WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  );
}

async function outboxRowsOf(service: ServiceKey, key: string): Promise<number> {
  const [{ n }] = await platform.query<{ n: number }>(service, `SELECT count(*)::int AS n FROM outbox WHERE message_key = $1`, [key]);
  return n;
}

beforeAll(async () => {
  platform = await startDistributedServices('e2e_auditsec', suffix);
  tokens.admin = await keycloakToken('sam.strategic');
  tokens.auditor = await keycloakToken('ada.auditor');
  tokens.platform = await keycloakToken('pat.platform');
  tokens.managerA = await keycloakUserToken(`manager.${codes.a}`, 'program-manager', [`program-${codes.a}`]);
  tokens.managerB = await keycloakUserToken(`manager.${codes.b}`, 'program-manager', [`program-${codes.b}`]);
  for (const key of ['a', 'b'] as const) {
    const registered = await callApi<{ id: string }>('POST', urlOf('program', '/programs'), tokens[key === 'a' ? 'managerA' : 'managerB'], {
      name: `Security program ${key} ${suffix}`,
      code: codes[key],
    });
    expect(registered.status).toBe(201);
    programs[key] = registered.body.id;
  }
  const project = await eventually(async () => {
    const answer = await callApi<{ id: string }>('POST', urlOf('project', '/projects'), tokens.admin, {
      programId: programs.a,
      name: `Audited project ${suffix}`,
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  });
  // A standard in force for program a, so that the strategic admin can request a variance of it himself.
  const today = (await callApi<{ now: string }>('GET', urlOf('strategic', '/clock'), tokens.admin)).body.now.slice(0, 10);
  const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const standard = await callApi<{ id: string }>('POST', urlOf('strategic', '/standards'), tokens.admin, {
    key: `audit-security-${suffix}`,
    title: 'Cadence',
    kind: 'standard',
    owner: 'PMO',
  });
  const versions = `/standards/${standard.body.id}/versions`;
  expect(
    (
      await callApi('POST', urlOf('strategic', versions), tokens.admin, {
        version: '1.0.0',
        level: 'mandatory',
        effectiveDate: today,
        adoptionDeadline: deadline,
        applicability: { scope: 'organisation' },
        requirements: [{ id: 'REVIEW-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
      })
    ).status,
  ).toBe(201);
  expect((await callApi('POST', urlOf('strategic', `${versions}/1.0.0/submit`), tokens.admin)).status).toBe(200);
  const published = await callApi<{ id: string }>('POST', urlOf('strategic', `${versions}/1.0.0/publish`), tokens.admin, {
    rollout: [{ name: 'all', programIds: [programs.a], programTags: [], opensOn: today, adoptionDeadline: deadline }],
  });
  expect(published.status).toBe(200);
  versionId = published.body.id;
  await eventually(async () => {
    const standards = await callApi<{ versionId: string; inForce: boolean }[]>('GET', urlOf('program', `/programs/${programs.a}/standards`), tokens.admin);
    expect(standards.body.find((s) => s.versionId === versionId)?.inForce).toBe(true);
  });
  const requested = await callApi<{ id: string }>('POST', urlOf('program', `/programs/${programs.a}/variances`), tokens.admin, {
    versionId,
    requirementIds: ['REVIEW-CADENCE'],
    projectIds: [project],
    justification: 'Monthly review required by the regulator',
    risk: { likelihood: 2, impact: 3 },
    compensatingControls: ['Fortnightly call with the sponsor'],
    expiresOn: deadline,
  });
  expect(requested.status).toBe(201);
  varianceId = requested.body.id;
  await eventually(async () => expect((await callApi('GET', urlOf('strategic', `/variances/${varianceId}`), tokens.admin)).status).toBe(200));
});

afterAll(async () => {
  expect(await platform.stop()).toEqual([0, 0, 0]);
});

describe('refused governance attempts', () => {
  it('records a separation-of-duties refusal once, in its own transaction, and changes nothing else', async () => {
    const outboxBefore = await outboxRowsOf('strategic', varianceId);
    const requestId = `sod-${suffix}`;
    const refused = await callApi<ErrorAnswer>('POST', urlOf('strategic', `/variances/${varianceId}/review`), tokens.admin, undefined, {
      'x-request-id': requestId,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('VARIANCE.OWN_REQUEST');
    expect(await entriesOf('strategic', requestId)).toEqual([
      {
        action: 'security.refused',
        actor_subject: expect.any(String),
        entity_type: 'variance',
        entity_id: varianceId,
        after: { rule: 'separation-of-duties', code: 'VARIANCE.OWN_REQUEST', status: 403, attempted: 'POST /variances/:varianceId/review' },
        reason: refused.body.message,
      },
    ]);
    const variance = await callApi<{ state: string }>('GET', urlOf('strategic', `/variances/${varianceId}`), tokens.admin);
    expect(variance.body.state).toBe('submitted');
    expect(await outboxRowsOf('strategic', varianceId)).toBe(outboxBefore);
  });

  it('records an illegal transition once and changes nothing else', async () => {
    const standard = await callApi<{ id: string }>('POST', urlOf('strategic', '/standards'), tokens.admin, {
      key: `audit-transition-${suffix}`,
      title: 'Transition',
      kind: 'standard',
      owner: 'PMO',
    });
    const versions = `/standards/${standard.body.id}/versions`;
    const draft = await callApi<{ id: string }>('POST', urlOf('strategic', versions), tokens.admin, {
      version: '1.0.0',
      level: 'recommended',
      effectiveDate: '2027-01-01',
      adoptionDeadline: '2027-02-01',
      applicability: { scope: 'organisation' },
      requirements: [],
    });
    expect(draft.status).toBe(201);
    const outboxBefore = await outboxRowsOf('strategic', draft.body.id);
    const requestId = `transition-${suffix}`;
    const refused = await callApi<ErrorAnswer>('POST', urlOf('strategic', `${versions}/1.0.0/return`), tokens.admin, undefined, { 'x-request-id': requestId });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'STANDARD.ILLEGAL_TRANSITION', message: 'version 1.0.0 is draft; allowed: in-review' });
    expect(await entriesOf('strategic', requestId)).toEqual([
      expect.objectContaining({
        action: 'security.refused',
        entity_type: 'standard-version',
        entity_id: draft.body.id,
        after: { rule: 'lifecycle', code: 'STANDARD.ILLEGAL_TRANSITION', status: 409, attempted: 'POST /standards/:standardId/versions/:version/return' },
        reason: 'version 1.0.0 is draft; allowed: in-review',
      }),
    ]);
    const version = await callApi<{ state: string }>('GET', urlOf('strategic', `${versions}/1.0.0`), tokens.admin);
    expect(version.body.state).toBe('draft');
    expect(await outboxRowsOf('strategic', draft.body.id)).toBe(outboxBefore);
  });

  it('records a program outside the caller’s scope once, answering it as unknown, and changes nothing else', async () => {
    const requestId = `scope-${suffix}`;
    const refused = await callApi<ErrorAnswer>(
      'POST',
      urlOf('program', `/programs/${programs.b}/variances`),
      tokens.managerA,
      {
        versionId,
        requirementIds: ['REVIEW-CADENCE'],
        projectIds: [],
        justification: 'Not mine',
        risk: { likelihood: 1, impact: 1 },
        compensatingControls: [],
      },
      { 'x-request-id': requestId },
    );
    // As an unknown id: the answer does not tell that program b exists.
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'REQUEST.NOT_FOUND', message: `program ${programs.b} not found` });
    expect(await entriesOf('program', requestId)).toEqual([
      {
        action: 'security.refused',
        actor_subject: expect.any(String),
        entity_type: 'program',
        entity_id: programs.b,
        after: { rule: 'scope', code: 'REQUEST.NOT_FOUND', status: 404, attempted: 'POST /programs/:programId/variances' },
        reason: `program ${programs.b} is outside the caller's scope (answered as not found)`,
      },
    ]);
    const variances = await callApi<unknown[]>('GET', urlOf('program', `/programs/${programs.b}/variances`), tokens.managerB);
    expect(variances.body).toEqual([]);
  });

  it('records a program registered under a group the caller is not in', async () => {
    const requestId = `scope-code-${suffix}`;
    const refused = await callApi<ErrorAnswer>(
      'POST',
      urlOf('program', '/programs'),
      tokens.managerA,
      { name: `Not mine ${suffix}`, code: `sec-c-${suffix}` },
      { 'x-request-id': requestId },
    );
    expect(refused.status).toBe(403);
    expect(await entriesOf('program', requestId)).toEqual([
      expect.objectContaining({
        entity_type: 'program-code',
        entity_id: `sec-c-${suffix}`,
        after: expect.objectContaining({ rule: 'scope', code: 'PROGRAM.OUTSIDE_SCOPE' }),
      }),
    ]);
    const [{ n }] = await platform.query<{ n: number }>('program', `SELECT count(*)::int AS n FROM programs WHERE code = $1`, [`sec-c-${suffix}`]);
    expect(n).toBe(0);
  });

  it('records nothing for a validation failure or an unknown id', async () => {
    for (const [path, body, status] of [
      [`/programs/${programs.a}/variances`, { versionId: 'not-a-uuid' }, 400],
      [`/programs/00000000-0000-4000-8000-000000000000/variances/00000000-0000-4000-8000-000000000001/withdraw`, { reason: 'not needed' }, 404],
    ] as const) {
      const requestId = `ordinary-${status}-${suffix}`;
      const answer = await callApi('POST', urlOf('program', path), tokens.admin, body, { 'x-request-id': requestId });
      expect(answer.status).toBe(status);
      expect(await entriesOf('program', requestId)).toEqual([]);
    }
  });

  it('still answers the refusal when it cannot be recorded', async () => {
    const requestId = `unrecorded-${suffix}`;
    // The database refuses this one entry, as it would when full or unreachable.
    await platform.query(
      'strategic',
      `CREATE FUNCTION refuse_probe() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no room for audit entries'; END $$`,
    );
    await platform.query(
      'strategic',
      `CREATE TRIGGER refuse_probe BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.request_id = '${requestId}') EXECUTE FUNCTION refuse_probe()`,
    );
    try {
      const refused = await callApi<ErrorAnswer>('POST', urlOf('strategic', `/variances/${varianceId}/review`), tokens.admin, undefined, {
        'x-request-id': requestId,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('VARIANCE.OWN_REQUEST');
    } finally {
      await platform.query('strategic', `DROP TRIGGER refuse_probe ON audit_log`);
      await platform.query('strategic', `DROP FUNCTION refuse_probe()`);
    }
    expect(await entriesOf('strategic', requestId)).toEqual([]);
  });

  it('lets an auditor list the refusals with action=security.refused, in JSON and CSV', async () => {
    const page = await callApi<AuditPage>('GET', urlOf('strategic', '/audit?action=security.refused'), tokens.auditor);
    expect(page.status).toBe(200);
    expect(page.body.entries.map((e) => e.after.rule).sort()).toEqual(['lifecycle', 'separation-of-duties']);
    const csv = await callApi<string>('GET', urlOf('program', '/audit?action=security.refused&format=csv'), tokens.auditor);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^seq,at,domain_at,actor_subject,/);
    expect(lines).toHaveLength(3);
  });
});

describe('the domain time of audit entries', () => {
  it('differs from the database time while the clock is moved, and the chains verify with it', async () => {
    const yearAhead = new Date(Date.now() + 365 * 86_400_000);
    expect((await callApi('PUT', urlOf('strategic', '/clock'), tokens.platform, { now: yearAhead.toISOString() })).status).toBe(200);
    try {
      const requestId = `moved-${suffix}`;
      expect(
        (
          await callApi(
            'POST',
            urlOf('strategic', `/variances/${varianceId}/decide`),
            tokens.admin,
            { outcome: 'approved', reason: 'mine' },
            { 'x-request-id': requestId },
          )
        ).status,
      ).toBe(403);
      const [{ seq }] = await platform.query<{ seq: string }>('strategic', `SELECT seq::text AS seq FROM audit_log WHERE request_id = $1`, [requestId]);
      const page = await callApi<AuditPage>('GET', urlOf('strategic', `/audit?action=security.refused&afterSeq=${Number(seq) - 1}&limit=1`), tokens.auditor);
      const [entry] = page.body.entries;
      expect(entry.seq).toBe(Number(seq));
      const ahead = Date.parse(entry.domainAt ?? '') - Date.parse(entry.at);
      expect(ahead).toBeGreaterThan(364 * 86_400_000);
      expect(ahead).toBeLessThan(366 * 86_400_000);
    } finally {
      expect((await callApi('PUT', urlOf('strategic', '/clock'), tokens.platform, { now: new Date().toISOString() })).status).toBe(200);
    }
    // On the system clock again, the two agree (to the time a request takes).
    const backId = `moved-back-${suffix}`;
    expect((await callApi('POST', urlOf('strategic', `/variances/${varianceId}/review`), tokens.admin, undefined, { 'x-request-id': backId })).status).toBe(
      403,
    );
    const [back] = await platform.query<{ apart: number }>(
      'strategic',
      `SELECT abs(extract(epoch FROM domain_at - at))::float AS apart FROM audit_log WHERE request_id = $1`,
      [backId],
    );
    expect(back.apart).toBeLessThan(60);
    const [{ without }] = await platform.query<{ without: number }>('strategic', `SELECT count(*)::int AS without FROM audit_log WHERE domain_at IS NULL`);
    expect(without).toBe(0);
    for (const service of ['strategic', 'program', 'project'] as const) {
      const report = await callApi<{ ok: boolean; checked: number; pending: number }>('GET', urlOf(service, '/audit/verify'), tokens.auditor);
      expect(report.body).toMatchObject({ ok: true, pending: 0 });
    }
    const cli = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'tools/audit-verify.ts', '--database', platform.databases.strategic], {
      cwd: ROOT,
      env: {
        ...process.env,
        PMO_DB_HOST: LOCAL_INFRASTRUCTURE.db.host,
        PMO_DB_PORT: String(LOCAL_INFRASTRUCTURE.db.port),
        PMO_DB_USER: LOCAL_INFRASTRUCTURE.db.user,
        PMO_DB_PASSWORD: LOCAL_INFRASTRUCTURE.db.password,
      },
    });
    expect(cli.stdout).toContain('audit chain holds');
  });
});
