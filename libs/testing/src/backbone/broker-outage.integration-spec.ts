import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { startDistributedServices, type DistributedServices } from '../distributed-services';
import { eventually } from '../eventually';
import { uniqueSuffix } from '../fresh-ids';
import { callApi } from '../http-client';
import { keycloakToken } from '../keycloak-tokens';

// A stopped broker, for real: deploy/local stops Kafka and starts it again. While it is down the services
// stay ready (an orchestrator keeps them in rotation), say the broker is degraded, and keep taking writes
// into their outboxes; once it is back, what was written reaches the other services.
const run = promisify(execFile);
const repo = resolve(__dirname, '../../../..');
const kafka = (action: 'up' | 'down') => run('bash', [`deploy/local/${action}`, 'kafka'], { cwd: repo, env: process.env, timeout: 240_000 });

type Ready = { status: string; details: Record<string, { status: string; message?: string }> };

let services: DistributedServices;
let token: string;
const suffix = uniqueSuffix();

beforeAll(async () => {
  services = await startDistributedServices('outage', suffix);
  token = await keycloakToken('sam.strategic');
}, 180_000);

afterAll(async () => {
  await kafka('up');
  await services?.stop();
}, 300_000);

describe('when Kafka stops', () => {
  it('stays ready with the broker degraded, keeps taking writes, and delivers them once Kafka is back', async () => {
    // Steady state first: strategic-pmo's group has consumed and committed, so it resumes where it was.
    const first = await callApi<{ id: string }>('POST', `${services.urls.program}/programs`, token, { name: `Before the outage ${suffix}`, tags: ['finance'] });
    await eventually(
      async () => {
        const programs = await callApi<{ programId: string }[]>('GET', `${services.urls.strategic}/portfolio/programs`, token);
        expect(programs.body.map((p) => p.programId)).toContain(first.body.id);
      },
      60_000,
      200,
    );
    const before = await callApi<Ready>('GET', `${services.urls.program}/health/ready`);
    expect(before.status).toBe(200);
    expect(before.body.details.broker).toEqual({ status: 'up' });

    await kafka('down');
    await eventually(
      async () => {
        const ready = await callApi<Ready>('GET', `${services.urls.program}/health/ready`);
        expect(ready.status).toBe(200);
        expect(ready.body.details.broker.status).toBe('degraded');
        expect(ready.body.details.database).toEqual({ status: 'up' });
      },
      60_000,
      500,
    );

    const registered = await callApi<{ id: string }>('POST', `${services.urls.program}/programs`, token, {
      name: `Written while the broker is down ${suffix}`,
      code: `outage-${suffix}`,
      tags: ['finance'],
    });
    expect(registered.status).toBe(201);
    const [pending] = await services.query<{ count: string }>('program', `SELECT count(*) FROM outbox WHERE sent_at IS NULL`);
    expect(Number(pending.count)).toBeGreaterThan(0);

    await kafka('up');
    await eventually(
      async () => {
        const programs = await callApi<{ programId: string }[]>('GET', `${services.urls.strategic}/portfolio/programs`, token);
        expect(programs.body.map((p) => p.programId)).toContain(registered.body.id);
      },
      120_000,
      500,
    );
    await eventually(
      async () => {
        const ready = await callApi<Ready>('GET', `${services.urls.program}/health/ready`);
        expect(ready.body.details.broker).toEqual({ status: 'up' });
      },
      60_000,
      500,
    );
  }, 480_000);
});
