import { eventually, keycloakToken } from '@pmo/testing';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { stringify } from 'yaml';
import { ROOT, WORK_DIR, run, runOk, toolchain, type Toolchain } from './support/toolchain';
import { chartMetadata, renderChart, type Manifest } from './support/chart';
import { podSpecOf } from './support/pod-spec';
import { containerEnv, runInRootfs, writeMountedSecrets, type ImageConfig, type PodProcess } from './support/pod-process';
import { freePort, startRegistry, type LocalRegistry } from './support/registry';

// The images run with the chart's own configuration: each workload's entrypoint, started from its image's
// unpacked filesystem (chroot, as the pod's user) with exactly the environment, arguments and mounted files
// of the rendered manifest, against deploy/local's PostgreSQL, Kafka (SASL/SCRAM) and Keycloak. The one
// liberty: the Services' names resolve to 127.0.0.1 (written to the image's /etc/hosts, as cluster DNS would
// answer), so each workload gets its own port through the chart's workloads.<name>.port.
const dir = join(WORK_DIR, 'images');
const SERVICES = ['strategic-pmo', 'program-pmo', 'project-pmo'] as const;
const WORKLOADS = [...SERVICES, 'web'] as const;
type Workload = (typeof WORKLOADS)[number];
const RELEASE = 'pmo-platform';

let tools: Toolchain;
let registry: LocalRegistry;
let manifests: Manifest[];
const images: Record<string, { ref: string; config: ImageConfig & { Labels?: Record<string, string> }; rootfs: string }> = {};
const ports: Record<string, number> = {};
const running: PodProcess[] = [];
const suffix = `${Date.now().toString(36)}`;
const dbName = (service: string) => `chart_${service.replace(/-/g, '_')}`;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run deploy/local/up and load .pmo/env (set -a && . .pmo/env && set +a)`);
  return value;
}

async function asSuperuser<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({
    host: required('PMO_DB_HOST'),
    port: Number(required('PMO_DB_PORT')),
    user: required('PMO_DB_USER'),
    password: required('PMO_DB_PASSWORD'),
    database: 'postgres',
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What an admin does before installing (README: database roles): an owner per database, a login role per service. */
async function createDatabases(): Promise<void> {
  await asSuperuser(async (client) => {
    for (const service of SERVICES) {
      const db = dbName(service);
      await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${db}_owner`);
      await client.query(`DROP ROLE IF EXISTS ${db}_app`);
      await client.query(`CREATE ROLE ${db}_owner LOGIN PASSWORD 'owner-${suffix}'`);
      await client.query(`CREATE ROLE ${db}_app LOGIN PASSWORD 'app-${suffix}'`);
      await client.query(`CREATE DATABASE ${db} OWNER ${db}_owner`);
    }
  });
}

function testValues(): Record<string, unknown> {
  const mechanism = process.env.PMO_KAFKA_SASL_MECHANISM ?? '';
  return {
    image: { registry: registry.host, repository: 'pmo' },
    database: {
      host: required('PMO_DB_HOST'),
      port: Number(required('PMO_DB_PORT')),
      existingSecret: '',
      services: Object.fromEntries(
        SERVICES.map((s) => [
          s,
          {
            name: dbName(s),
            owner: { username: `${dbName(s)}_owner`, password: `owner-${suffix}` },
            app: { username: `${dbName(s)}_app`, password: `app-${suffix}` },
          },
        ]),
      ),
    },
    kafka: {
      brokers: required('PMO_KAFKA_BROKERS').split(','),
      tls: { enabled: false },
      consumerFromBeginning: false,
      sasl: {
        mechanism,
        existingSecret: '',
        users: Object.fromEntries(
          SERVICES.map((s) => [s, { username: s, password: process.env[`${s.toUpperCase().replace(/-/g, '_')}_KAFKA_PASSWORD`] ?? '' }]),
        ),
      },
    },
    keycloak: { url: required('PMO_KEYCLOAK_URL'), realm: 'pmo' },
    workloads: Object.fromEntries(
      WORKLOADS.map((w) => [
        w,
        {
          port: ports[w],
          // Consumer groups of their own: other runs' groups on this broker keep their offsets.
          ...(w === 'web' ? {} : { extraEnv: [{ name: 'PMO_CONSUMER_GROUP_SUFFIX', value: `-chart-${suffix}` }] }),
        },
      ]),
    ),
  };
}

function deploymentOf(workload: Workload): Manifest {
  const found = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === `${RELEASE}-${workload}`);
  if (!found) throw new Error(`the chart rendered no Deployment ${RELEASE}-${workload}`);
  return found;
}

/** Starts the manifest's first container from its image, as the kubelet would. */
function startContainer(manifest: Manifest, workload: Workload): PodProcess {
  const pod = podSpecOf(manifest);
  const [container] = pod.containers;
  const image = images[workload];
  expect(container.image).toBe(image.ref);
  const argv = [...(container.command ?? image.config.Entrypoint ?? []), ...(container.args ?? (container.command ? [] : (image.config.Cmd ?? [])))];
  const env = containerEnv(container, image.config, manifests, `${manifest.metadata.name}-0`);
  writeMountedSecrets(pod, container, manifests, image.rootfs);
  const user = Number((container.securityContext?.runAsUser as number | undefined) ?? (pod.securityContext?.runAsUser as number | undefined));
  const started = runInRootfs(image.rootfs, argv, env, user, join(dir, 'logs', `${manifest.metadata.name}.log`));
  running.push(started);
  return started;
}

async function probe(workload: Workload, kind: 'startupProbe' | 'readinessProbe', timeoutMs: number): Promise<number> {
  const [container] = podSpecOf(deploymentOf(workload)).containers;
  const path = container[kind]?.httpGet?.path;
  const port = container.ports?.find((p) => p.name === container[kind]?.httpGet?.port)?.containerPort;
  const started = Date.now();
  await eventually(
    async () => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      expect(res.status).toBe(200);
    },
    timeoutMs,
    250,
  );
  return Date.now() - started;
}

beforeAll(async () => {
  tools = toolchain('crane', 'helm');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'logs'), { recursive: true });
  registry = await startRegistry(tools.crane, join(dir, 'registry'));
  // The images, built from this checkout and pushed to the test's registry.
  runOk(join(ROOT, 'deploy/images/build'), [`${registry.host}/pmo`]);
  const built = JSON.parse(readFileSync(join(ROOT, '.pmo/images/images.json'), 'utf8')) as { name: string; ref: string }[];
  for (const { name, ref } of built) {
    const rootfs = join(dir, 'rootfs', name);
    mkdirSync(rootfs, { recursive: true });
    execFileSync('bash', ['-c', `"$0" export --insecure "$1" - | tar -x -C "$2"`, tools.crane, ref, rootfs]);
    const config = (JSON.parse(runOk(tools.crane, ['config', '--insecure', ref])) as { config: ImageConfig }).config;
    images[name] = { ref, config, rootfs };
  }
  for (const workload of WORKLOADS) ports[workload] = await freePort();
  for (const { rootfs } of Object.values(images)) {
    appendFileSync(join(rootfs, 'etc/hosts'), `127.0.0.1 localhost ${WORKLOADS.map((w) => `${RELEASE}-${w}`).join(' ')}\n`);
  }
  await createDatabases();
  const valuesFile = join(dir, 'values.yaml');
  writeFileSync(valuesFile, stringify(testValues()));
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  manifests = renderChart(tools.helm, [valuesFile], ['--set', `image.tag=${version}`], RELEASE).manifests;
}, 1_800_000);

afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
  await registry?.stop();
  if (process.env.PMO_DB_PORT) {
    await asSuperuser(async (client) => {
      for (const service of SERVICES) {
        const db = dbName(service);
        await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
        await client.query(`DROP ROLE IF EXISTS ${db}_owner`);
        await client.query(`DROP ROLE IF EXISTS ${db}_app`);
      }
    });
  }
}, 120_000);

describe('the images', () => {
  it.each(WORKLOADS)('%s: Node 24 from its own filesystem, a numeric non-root user, no shell, labels', (workload) => {
    const image = images[workload];
    expect(runOk('chroot', ['--userspec=10001:10001', image.rootfs, '/usr/local/bin/node', '--version']).trim()).toMatch(/^v24\./);
    expect(image.config.User).toBe('10001:10001');
    expect(existsSync(join(image.rootfs, 'bin/sh'))).toBe(false);
    expect(existsSync(join(image.rootfs, 'app/sbom.cdx.json'))).toBe(true);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const revision = runOk('git', ['rev-parse', 'HEAD']).trim();
    expect(image.config.Labels).toMatchObject({ 'org.opencontainers.image.version': version, 'org.opencontainers.image.source': expect.any(String) });
    expect(image.config.Labels?.['org.opencontainers.image.revision']).toMatch(new RegExp(`^${revision}`));
    // The image's files belong to root: its user can read them, not change them.
    expect(
      run('chroot', ['--userspec=10001:10001', image.rootfs, '/usr/local/bin/node', '-e', 'require("fs").writeFileSync("/app/package.json", "")']).status,
    ).not.toBe(0);
  });
});

describe("the chart's configuration runs the images", () => {
  it.each(SERVICES)('the %s migration Job completes as the database owner', async (service) => {
    const job = manifests.find((m) => m.kind === 'Job' && m.metadata.name === `${RELEASE}-${service}-migrate`);
    expect(job).toBeDefined();
    const migrate = startContainer(job!, service);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([migrate.exited, new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-2), 180_000)))]);
    clearTimeout(timer);
    const log = readFileSync(join(dir, 'logs', `${job!.metadata.name}.log`), 'utf8');
    expect({ code, log: code === 0 ? '' : log.slice(-3000) }).toEqual({ code: 0, log: '' });
  });

  it('each service becomes ready on Node 24, connected as its app role', async () => {
    for (const service of SERVICES) startContainer(deploymentOf(service), service);
    for (const service of SERVICES) {
      await probe(service, 'startupProbe', 120_000);
      await probe(service, 'readinessProbe', 120_000);
    }
    const sessions = await asSuperuser(async (client) => {
      const { rows } = await client.query<{ datname: string; usename: string }>(
        `SELECT DISTINCT datname, usename FROM pg_stat_activity WHERE datname = ANY($1) ORDER BY datname`,
        [SERVICES.map(dbName)],
      );
      return rows.map((r) => [r.datname, r.usename]);
    });
    expect(sessions).toEqual(SERVICES.map((s) => [dbName(s), `${dbName(s)}_app`]).sort());
  });

  it('each service answers /metrics in the Prometheus text format on its HTTP port', async () => {
    for (const service of SERVICES) {
      const res = await fetch(`http://127.0.0.1:${ports[service]}/metrics`);
      expect([service, res.status, res.headers.get('content-type')]).toEqual([service, 200, expect.stringContaining('text/plain')]);
      expect(await res.text()).toMatch(/^# (HELP|TYPE) /m);
    }
  });

  it("each service's OpenAPI document, its image's version label and the chart's appVersion name one version", async () => {
    const { appVersion } = chartMetadata();
    for (const service of SERVICES) {
      const res = await fetch(`http://127.0.0.1:${ports[service]}/api/docs-json`);
      const { info } = (await res.json()) as { info: { version: string } };
      expect([service, info.version, images[service].config.Labels?.['org.opencontainers.image.version']]).toEqual([service, appVersion, appVersion]);
    }
  });

  it('the web app serves its build and its sign-in configuration', async () => {
    startContainer(deploymentOf('web'), 'web');
    await probe('web', 'readinessProbe', 60_000);
    const origin = `http://127.0.0.1:${ports.web}`;
    const page = await fetch(`${origin}/portfolio`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
    const html = await page.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    expect((await fetch(`${origin}${asset}`)).status).toBe(200);
    expect(await (await fetch(`${origin}/config.json`)).json()).toEqual({
      mode: 'keycloak',
      authority: `${required('PMO_KEYCLOAK_URL')}/realms/pmo`,
      clientId: 'pmo-web',
    });
  });

  it("a program registered through the web app's origin reaches the portfolio", async () => {
    const origin = `http://127.0.0.1:${ports.web}`;
    const token = await keycloakToken('sam.strategic');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${origin}/api/program/programs`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `Chart check ${suffix}`, description: 'registered through the web gateway of the Helm chart', tags: ['finance'] }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await eventually(
      async () => {
        const res = await fetch(`${origin}/api/strategic/portfolio/programs`, { headers });
        expect(res.status).toBe(200);
        const programs = (await res.json()) as { programId: string; name: string }[];
        expect(programs.map((p) => p.programId)).toContain(id);
      },
      60_000,
      500,
    );
  });
});
