import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { startDistributedServices, type DistributedServices } from '../distributed-services';
import { eventually } from '../eventually';
import { uniqueSuffix } from '../fresh-ids';
import { callApi } from '../http-client';
import { LOCAL_INFRASTRUCTURE } from '../infrastructure';
import { keycloakToken } from '../keycloak-tokens';

// A stopped broker, for real: deploy/local stops Kafka and starts it again. While it is down the services
// stay ready (an orchestrator keeps them in rotation), say the broker is degraded, and keep taking writes
// into their outboxes; once it is back, what was written reaches the other services. The services run from
// their production build as their images start them (`node main.js`, migrated once, not at start), so the
// times the restart test prints are a deployment's, not those of TypeScript compiled as it loads.
const run = promisify(execFile);
const repo = resolve(__dirname, '../../../..');
const kafka = (action: 'up' | 'down') => run('bash', [`deploy/local/${action}`, 'kafka'], { cwd: repo, env: process.env, timeout: 240_000 });

type Ready = { status: string; details: Record<string, { status: string; message?: string }> };

let services: DistributedServices;
let token: string;
const suffix = uniqueSuffix();

beforeAll(async () => {
  services = await startDistributedServices('outage', suffix, { from: 'production-build' });
  token = await keycloakToken('sam.strategic');
}, 900_000); // a cold production build of the three services takes minutes on a busy machine

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

describe('a restart and a broker outage', () => {
  it('a service restarted while Kafka is down answers live and ready at once; consumers resume once Kafka is back, and every event is applied exactly once', async () => {
    const times: Record<string, number> = {};
    const before = await callApi<{ id: string }>('POST', `${services.urls.program}/programs`, token, {
      name: `Before the restart ${suffix}`,
      tags: ['finance'],
    });
    expect(before.status).toBe(201);
    await appliedInStrategic(before.body.id);

    await kafka('down');
    // program-pmo restarted while its broker is down: it opens its port without waiting for the consumer group.
    // The clock starts when the new process does (stopping the old one is not part of its start).
    let stopping = Date.now();
    await services.restart('program');
    let started = Date.now();
    times.stopWithKafkaDownMs = started - stopping;
    await eventually(async () => expect((await callApi('GET', `${services.urls.program}/health/live`)).status).toBe(200), 60_000, 50);
    times.startToLiveWithKafkaDownMs = Date.now() - started;
    await eventually(
      async () => {
        const ready = await callApi<Ready>('GET', `${services.urls.program}/health/ready`);
        expect(ready.status).toBe(200);
        expect(ready.body.details.database).toEqual({ status: 'up' });
        expect(ready.body.details.broker.status).toBe('degraded');
      },
      60_000,
      50,
    );
    times.startToReadyWithKafkaDownMs = Date.now() - started;

    const during = await callApi<{ id: string }>('POST', `${services.urls.program}/programs`, token, {
      name: `During the outage ${suffix}`,
      tags: ['finance'],
    });
    expect(during.status).toBe(201);

    const upAt = kafkaAcceptsConnections();
    await kafka('up');
    const brokerBackAt = await upAt;
    await appliedInStrategic(during.body.id);
    times.brokerBackToAppliedMs = Date.now() - brokerBackAt;
    await eventually(
      async () => expect((await callApi<Ready>('GET', `${services.urls.program}/health/ready`)).body.details.broker).toEqual({ status: 'up' }),
      60_000,
      200,
    );

    // strategic-pmo restarted with Kafka up: live at once, ready with the broker up once its consumer has joined.
    stopping = Date.now();
    await services.restart('strategic');
    started = Date.now();
    times.stopMs = started - stopping;
    await eventually(async () => expect((await callApi('GET', `${services.urls.strategic}/health/live`)).status).toBe(200), 60_000, 50);
    times.startToLiveMs = Date.now() - started;
    await eventually(
      async () => expect((await callApi<Ready>('GET', `${services.urls.strategic}/health/ready`)).body.details.broker).toEqual({ status: 'up' }),
      60_000,
      50,
    );
    times.startToConsumingMs = Date.now() - started;
    const after = await callApi<{ id: string }>('POST', `${services.urls.program}/programs`, token, { name: `After the restart ${suffix}`, tags: ['finance'] });
    await appliedInStrategic(after.body.id);

    // Exactly once: one row per program in the read model, one inbox entry per event, nothing left unsent.
    const ids = [before.body.id, during.body.id, after.body.id];
    const rows = await services.query<{ program_id: string; n: number }>(
      'strategic',
      `SELECT program_id, count(*)::int AS n FROM portfolio_programs WHERE program_id = ANY($1::uuid[]) GROUP BY program_id`,
      [ids],
    );
    expect(rows.map((r) => r.n)).toEqual([1, 1, 1]);
    const events = await services.query<{ event_id: string }>('program', `SELECT event_id::text FROM outbox WHERE message_key = ANY($1::text[])`, [ids]);
    expect(events).toHaveLength(3);
    const inbox = await services.query<{ n: number }>('strategic', `SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::text[])`, [
      events.map((e) => e.event_id),
    ]);
    expect(inbox[0].n).toBe(3);
    const [unsent] = await services.query<{ n: number }>('program', `SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`);
    expect(unsent.n).toBe(0);

    const load = loadavg().map((l) => Number(l.toFixed(1)));
    process.stdout.write(`[recovery] ${JSON.stringify({ ...times, node: process.version, loadAverage: load })}\n`);
  }, 480_000);
});

async function appliedInStrategic(programId: string): Promise<void> {
  await eventually(
    async () => {
      const programs = await callApi<{ programId: string }[]>('GET', `${services.urls.strategic}/portfolio/programs`, token);
      expect(programs.body.map((p) => p.programId)).toContain(programId);
    },
    120_000,
    100,
  );
}

/** When the broker's port accepts connections again: the moment it is back, before `up` has applied its ACLs. */
async function kafkaAcceptsConnections(): Promise<number> {
  const [host, port] = LOCAL_INFRASTRUCTURE.kafkaBrokers[0].split(':');
  for (;;) {
    const open = await new Promise<boolean>((done) => {
      const socket = connect(Number(port), host);
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
