import { demoUsersFromRealm, issueDevToken, loadOrCreateDevKeyPair } from '@pmo/auth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { callApi } from '../http-client';
import { LOCAL_INFRASTRUCTURE } from '../infrastructure';
import { freePort, runTypeScript, waitUntilReady, type RunningProcess } from '../service-processes';
import { metricLabels, metricValue, scrape } from './prometheus-text';

// The embedded mode as `npm start` runs it: three services in one process share one registry, so each
// service's /metrics shows all three, every series labelled by its service.
const SERVICES = ['strategic-pmo', 'program-pmo', 'project-pmo'] as const;
const stateDir = mkdtempSync(join(tmpdir(), 'pmo-metrics-embedded-'));
const urls: Record<(typeof SERVICES)[number], string> = { 'strategic-pmo': '', 'program-pmo': '', 'project-pmo': '' };
let platform: RunningProcess;

beforeAll(async () => {
  const ports = { 'strategic-pmo': await freePort(), 'program-pmo': await freePort(), 'project-pmo': await freePort() };
  for (const service of SERVICES) urls[service] = `http://127.0.0.1:${ports[service]}`;
  platform = runTypeScript(
    'tools/embedded/main.ts',
    {
      PMO_EMBEDDED_DIR: stateDir,
      PMO_EMBEDDED_DB_PORT: String(await freePort()),
      STRATEGIC_PMO_PORT: String(ports['strategic-pmo']),
      PROGRAM_PMO_PORT: String(ports['program-pmo']),
      PROJECT_PMO_PORT: String(ports['project-pmo']),
      PMO_WEB_PORT: String(await freePort()),
    },
    'metrics-embedded',
  );
  // Ready once the demo data is in; on a busy machine that load alone can take minutes.
  await Promise.all(Object.values(urls).map((url) => waitUntilReady(url, 400_000)));
}, 420_000);

afterAll(async () => {
  if (platform && platform.child.exitCode === null) expect(await platform.stop()).toBe(0);
  rmSync(stateDir, { recursive: true, force: true });
});

describe('/metrics in the embedded mode', () => {
  it("answers the process's one registry on every service's port, each service's series labelled by it", async () => {
    for (const url of Object.values(urls)) {
      const metrics = await scrape(url);
      expect(metrics.status).toBe(200);
      expect(
        metricLabels(metrics.text, 'pmo_broker_up')
          .map((labels) => labels.service)
          .sort(),
      ).toEqual([...SERVICES].sort());
      for (const service of SERVICES) {
        expect(metricValue(metrics.text, 'pmo_broker_up', { service })).toBe(1);
        expect(metricValue(metrics.text, 'pmo_outbox_unpublished_events', { service })).toBeGreaterThanOrEqual(0);
        expect(metricValue(metrics.text, 'pmo_audit_unsealed_entries', { service })).toBeGreaterThanOrEqual(0);
        // The demo data was loaded through the three APIs.
        expect(metricValue(metrics.text, 'pmo_http_request_duration_seconds_count', { service, method: 'POST' })).toBeGreaterThan(0);
      }
      // The in-process transport has no consumer group offsets to read.
      expect(metricValue(metrics.text, 'pmo_consumer_lag_messages')).toBeUndefined();
      expect(metricValue(metrics.text, 'pmo_process_cpu_seconds_total')).toBeGreaterThan(0);
    }
  });

  it("counts a request on the service that served it, seen from another service's port", async () => {
    const users = demoUsersFromRealm(resolve(__dirname, '../../../../deploy/keycloak/pmo-realm.json'));
    const sam = users.find((user) => user.username === 'sam.strategic');
    if (!sam) throw new Error('demo user sam.strategic missing from the realm file');
    const token = issueDevToken(sam, loadOrCreateDevKeyPair(join(stateDir, 'keys')), {
      // The issuer the embedded platform expects: the Keycloak URL of its environment (.pmo/env).
      keycloakUrl: LOCAL_INFRASTRUCTURE.keycloakUrl,
      realm: 'pmo',
      audience: [...SERVICES],
    });
    const labels = { service: 'program-pmo', method: 'POST', route: '/programs', status_code: '201' };
    const before = metricValue((await scrape(urls['strategic-pmo'])).text, 'pmo_http_request_duration_seconds_count', labels) ?? 0;
    const created = await callApi('POST', `${urls['program-pmo']}/programs`, token, { name: `Counted ${Date.now()}` });
    expect(created.status).toBe(201);
    const after = (await scrape(urls['strategic-pmo'])).text;
    expect(metricValue(after, 'pmo_http_request_duration_seconds_count', labels)).toBe(before + 1);
    expect(metricValue(after, 'pmo_http_request_duration_seconds_count', { ...labels, service: 'strategic-pmo' })).toBeUndefined();
  });
});
