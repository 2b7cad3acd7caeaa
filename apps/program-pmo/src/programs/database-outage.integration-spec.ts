import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { eventually, keycloakToken, startServiceAlone, uniqueSuffix, type ServiceAlone } from '@pmo/testing';
import { startProgramPmo } from '../bootstrap';

// A stopped PostgreSQL, for real: deploy/local stops it and starts it again. Meanwhile the service answers every
// request that needs the database at once with a 503 that names the database (never a hang, never a 500), stays
// live but not ready, and stores nothing; once the database is back it serves again without a restart.
const run = promisify(execFile);
const repo = resolve(__dirname, '../../../..');
const postgres = (action: 'up' | 'down') => run('bash', [`deploy/local/${action}`, 'postgres'], { cwd: repo, env: process.env, timeout: 120_000 });

let service: ServiceAlone;
let token: string;
const suffix = uniqueSuffix();

// An answer that does not come within the bound is a hang: the fetch is aborted and the test fails on it.
async function answer(method: string, path: string, body?: unknown): Promise<{ status: number; retryAfter: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  service = await startServiceAlone('program-pmo', `program_pmo_outage_${suffix}`, startProgramPmo);
  token = await keycloakToken('sam.strategic');
}, 120_000);

afterAll(async () => {
  await postgres('up');
  await service?.stop();
}, 180_000);

describe('when PostgreSQL stops', () => {
  it('answers 503 naming the database at once, stores nothing, and serves again once it is back', async () => {
    expect((await answer('POST', '/programs', { name: `Before ${suffix}` })).status).toBe(201);
    await postgres('down');

    const unavailable = {
      status: 503,
      retryAfter: '1',
      body: expect.objectContaining({ code: 'SERVICE.BUSY', message: 'the database is unavailable; nothing was done, retry in 1 s' }),
    };
    expect(await answer('GET', '/programs')).toEqual(unavailable);
    expect(await answer('POST', '/programs', { name: `During ${suffix}` })).toEqual(unavailable);
    expect(await answer('GET', '/health/ready')).toMatchObject({ status: 503, body: { message: 'not ready: database: down' } });
    expect((await answer('GET', '/health/live')).status).toBe(200);

    await postgres('up');
    const names = await eventually(
      async () => {
        const programs = await answer('GET', '/programs');
        expect(programs.status).toBe(200);
        return (programs.body as unknown as { name: string }[]).map((p) => p.name);
      },
      60_000,
      500,
    );
    expect(names).toContain(`Before ${suffix}`);
    expect(names).not.toContain(`During ${suffix}`);
    expect((await answer('POST', '/programs', { name: `After ${suffix}` })).status).toBe(201);
  }, 240_000);
});
