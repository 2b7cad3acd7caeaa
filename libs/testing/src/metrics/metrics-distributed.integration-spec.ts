import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { startDistributedServices, type DistributedServices } from '../distributed-services';
import { eventually } from '../eventually';
import { uniqueSuffix } from '../fresh-ids';
import { callApi } from '../http-client';
import { LOCAL_INFRASTRUCTURE, localKafka } from '../infrastructure';
import { keycloakToken } from '../keycloak-tokens';
import { metricLabels, metricValue, scrape } from './prometheus-text';

// /metrics of the three services in the distributed mode, on the real Kafka and PostgreSQL: the numbers
// follow what happens (requests, events consumed, a dead letter, an audit seal held back, Kafka stopped).
const run = promisify(execFile);
const repo = resolve(__dirname, '../../../..');
const kafka = (action: 'up' | 'down') => run('bash', [`deploy/local/${action}`, 'kafka'], { cwd: repo, env: process.env, timeout: 240_000 });

// The key of the advisory lock the audit sealer takes (AUDIT_CHAIN_LOCK in libs/persistence).
const AUDIT_CHAIN_LOCK = 7_270_100;

const suffix = uniqueSuffix();
let platform: DistributedServices;
let token: string;

beforeAll(async () => {
  platform = await startDistributedServices('metrics', suffix);
  token = await keycloakToken('sam.strategic');
}, 300_000);

afterAll(async () => {
  await kafka('up');
  expect(await platform.stop()).toEqual([0, 0, 0]);
}, 300_000);

async function registerProgram(name: string): Promise<string> {
  const created = await callApi<{ id: string }>('POST', `${platform.urls.program}/programs`, token, { name: `${name} ${suffix}` });
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('/metrics in the distributed mode', () => {
  it('answers without a token in the Prometheus text format, each series labelled by its service', async () => {
    for (const [key, url] of Object.entries(platform.urls)) {
      const metrics = await scrape(url);
      expect(metrics.status).toBe(200);
      expect(metrics.contentType).toMatch(/^text\/plain; .*version=0\.0\.4/);
      expect(metricValue(metrics.text, 'pmo_broker_up', { service: `${key}-pmo` })).toBe(1);
      expect(metricLabels(metrics.text, 'pmo_broker_up').map((labels) => labels.service)).toEqual([`${key}-pmo`]);
    }
  });

  it('times requests by route template, method and status', async () => {
    const labels = { service: 'program-pmo', method: 'POST', route: '/programs', status_code: '201' };
    const before = metricValue((await scrape(platform.urls.program)).text, 'pmo_http_request_duration_seconds_count', labels) ?? 0;
    await registerProgram('Timed');
    const bad = await callApi('GET', `${platform.urls.program}/programs/not-a-uuid`, token);
    expect(bad.status).toBe(400);
    const after = (await scrape(platform.urls.program)).text;
    expect(metricValue(after, 'pmo_http_request_duration_seconds_count', labels)).toBe(before + 1);
    expect(metricValue(after, 'pmo_http_request_duration_seconds_count', { service: 'program-pmo', method: 'GET', status_code: '400' })).toBeGreaterThanOrEqual(
      1,
    );
    // The template, never the id: one series per route.
    expect(metricLabels(after, 'pmo_http_request_duration_seconds_count').some((l) => l.route.includes('not-a-uuid'))).toBe(false);
  });

  it("shows the consumer group's lag per topic and partition once it has consumed, back to 0", async () => {
    const programId = await registerProgram('Consumed');
    await eventually(async () => {
      const rows = await platform.query('strategic', `SELECT 1 FROM portfolio_programs WHERE program_id = $1`, [programId]);
      expect(rows).toHaveLength(1);
    });
    await eventually(
      async () => {
        const text = (await scrape(platform.urls.strategic)).text;
        const series = metricLabels(text, 'pmo_consumer_lag_messages', { service: 'strategic-pmo', topic: 'pmo.programs.v1' });
        expect(series.length).toBeGreaterThanOrEqual(1);
        expect(series[0].group).toBe(`strategic-pmo-metrics-${suffix}`);
        expect(metricValue(text, 'pmo_consumer_lag_messages', { service: 'strategic-pmo', topic: 'pmo.programs.v1' })).toBe(0);
      },
      30_000,
      500,
    );
  });

  it('counts a message dead-lettered by its consumer', async () => {
    const labels = { service: 'strategic-pmo', topic: 'pmo.programs.v1' };
    const before = metricValue((await scrape(platform.urls.strategic)).text, 'pmo_dead_letters_total', labels) ?? 0;
    const producer = localKafka(`metrics-${suffix}`).producer();
    await producer.connect();
    try {
      await producer.send({ topic: 'pmo.programs.v1', messages: [{ key: `garbage-${suffix}`, value: 'not an event' }] });
    } finally {
      await producer.disconnect();
    }
    await eventually(async () => {
      expect(metricValue((await scrape(platform.urls.strategic)).text, 'pmo_dead_letters_total', labels)).toBeGreaterThan(before);
    });
  });

  it('counts audit entries waiting to be sealed while the sealer is held back, then none', async () => {
    const blocker = new Client({ ...LOCAL_INFRASTRUCTURE.db, database: platform.databases.program });
    await blocker.connect();
    try {
      // Holding the chain's lock is what a long seal by another replica does: the service's sealer skips its turn.
      await blocker.query(`SELECT pg_advisory_lock($1)`, [AUDIT_CHAIN_LOCK]);
      await registerProgram('Audited');
      expect(metricValue((await scrape(platform.urls.program)).text, 'pmo_audit_unsealed_entries', { service: 'program-pmo' })).toBeGreaterThanOrEqual(1);
      await blocker.query(`SELECT pg_advisory_unlock($1)`, [AUDIT_CHAIN_LOCK]);
    } finally {
      await blocker.end();
    }
    await eventually(async () => {
      expect(metricValue((await scrape(platform.urls.program)).text, 'pmo_audit_unsealed_entries', { service: 'program-pmo' })).toBe(0);
    });
  });

  it('shows the broker degraded and the outbox backlog growing while Kafka is stopped, and both recover when it is back', async () => {
    // A lag reading taken just before the broker stops must not be served while it is down.
    expect((await scrape(platform.urls.strategic)).text).toContain('pmo_consumer_lag_messages{');
    await kafka('down');
    await eventually(
      async () => {
        const metrics = await scrape(platform.urls.program);
        expect(metrics.status).toBe(200);
        expect(metricValue(metrics.text, 'pmo_broker_up', { service: 'program-pmo' })).toBe(0);
        // The same state /health/ready reports.
        const ready = await callApi<{ details: { broker: { status: string } } }>('GET', `${platform.urls.program}/health/ready`);
        expect(ready.body.details.broker.status).toBe('degraded');
      },
      60_000,
      500,
    );
    await registerProgram('Written while Kafka is down');
    await eventually(async () => {
      const text = (await scrape(platform.urls.program)).text;
      expect(metricValue(text, 'pmo_outbox_unpublished_events', { service: 'program-pmo' })).toBeGreaterThanOrEqual(1);
      expect(metricValue(text, 'pmo_outbox_oldest_unpublished_age_seconds', { service: 'program-pmo' })).toBeGreaterThan(0);
    });
    // Without a broker there is no lag to read: no series rather than stale ones.
    const strategic = await scrape(platform.urls.strategic);
    expect(strategic.status).toBe(200);
    expect(metricValue(strategic.text, 'pmo_consumer_lag_messages', { service: 'strategic-pmo' })).toBeUndefined();

    await kafka('up');
    await eventually(
      async () => {
        const text = (await scrape(platform.urls.program)).text;
        expect(metricValue(text, 'pmo_broker_up', { service: 'program-pmo' })).toBe(1);
        expect(metricValue(text, 'pmo_outbox_unpublished_events', { service: 'program-pmo' })).toBe(0);
        expect(metricValue(text, 'pmo_outbox_oldest_unpublished_age_seconds', { service: 'program-pmo' })).toBe(0);
      },
      120_000,
      500,
    );
  }, 480_000);
});
