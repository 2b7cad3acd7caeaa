import { callApi, keycloakToken, startServiceAlone, uniqueSuffix, type ServiceAlone } from '@pmo/testing';
import { startProgramPmo } from '../bootstrap';

// A registration sent with an Idempotency-Key: a retry gets the program the first call registered (same id, one
// event, one audit entry) instead of 409 for the name it took itself; the same key with another request is 422.
let service: ServiceAlone;
let sam: string;
let hugo: string;
const suffix = uniqueSuffix();

const stored = async (sql: string, params: unknown[]) => Number(((await service.dataSource.query(sql, params)) as { n: string }[])[0].n);
const programsNamed = (name: string) => stored('SELECT count(*) AS n FROM programs WHERE name = $1', [name]);
const eventsOf = (id: string) =>
  stored(`SELECT count(*) AS n FROM outbox WHERE event_type = 'pmo.program.registered.v1' AND value LIKE '%' || $1 || '%'`, [id]);
const auditEntriesOf = (id: string) => stored(`SELECT count(*) AS n FROM audit_log WHERE action = 'program.registered' AND entity_id = $1`, [id]);
const register = (token: string, body: unknown, key: string) =>
  callApi<{ id: string; code: string; message: string }>('POST', `${service.url}/programs`, token, body, { 'idempotency-key': key });

beforeAll(async () => {
  service = await startServiceAlone('program-pmo', `program_pmo_registration_keys_${suffix}`, startProgramPmo);
  [sam, hugo] = await Promise.all([keycloakToken('sam.strategic'), keycloakToken('hugo.program')]);
}, 120_000);

afterAll(() => service?.stop());

describe('program registration with an Idempotency-Key', () => {
  it('answers a retry with the first call’s program, registered once', async () => {
    const body = { name: `Retried ${suffix}`, tags: ['retry'] };
    const first = await register(sam, body, `retry-${suffix}`);
    const retry = await register(sam, body, `retry-${suffix}`);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect(await programsNamed(body.name)).toBe(1);
    expect(await eventsOf(first.body.id)).toBe(1);
    expect(await auditEntriesOf(first.body.id)).toBe(1);
  });

  it('registers once when the first call and its retries arrive together', async () => {
    const body = { name: `Raced ${suffix}` };
    const answers = await Promise.all(Array.from({ length: 6 }, () => register(sam, body, `race-${suffix}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await programsNamed(body.name)).toBe(1);
    expect(await eventsOf(answers[0].body.id)).toBe(1);
  });

  it('refuses the same key with another request and stores nothing', async () => {
    await register(sam, { name: `Keyed ${suffix}` }, `reused-${suffix}`);
    const reused = await register(sam, { name: `Other ${suffix}` }, `reused-${suffix}`);
    expect([reused.status, reused.body.code]).toEqual([422, 'REQUEST.IDEMPOTENCY_KEY_REUSED']);
    expect(await programsNamed(`Other ${suffix}`)).toBe(0);
  });

  it('keeps a key to its caller: another caller’s same key registers its own program', async () => {
    const key = `shared-${suffix}`;
    const sams = await register(sam, { name: `Sam's ${suffix}` }, key);
    // hugo.program registers the code of his group (program-hr); the database is this spec's own.
    const hugos = await register(hugo, { name: `Hugo's ${suffix}`, code: 'hr' }, key);
    expect([sams.status, hugos.status]).toEqual([201, 201]);
    expect(hugos.body.id).not.toBe(sams.body.id);
    expect((await register(sam, { name: `Sam's ${suffix}` }, key)).body.id).toBe(sams.body.id);
  });

  it('without a key, a second call is a second registration: 409 for the name', async () => {
    const body = { name: `Unkeyed ${suffix}` };
    expect((await callApi('POST', `${service.url}/programs`, sam, body)).status).toBe(201);
    expect((await callApi('POST', `${service.url}/programs`, sam, body)).status).toBe(409);
  });
});
