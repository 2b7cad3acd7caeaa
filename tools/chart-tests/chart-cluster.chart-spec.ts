import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_DIR, ROOT, WORK_DIR, run, runOk, toolchain, type Toolchain } from './support/toolchain';
import { parse } from 'yaml';
import { chartMetadata, renderChart } from './support/chart';
import { KubeApi, clusterAccess, type ClusterAccess, type KubeObject } from './support/kube-api';
import { startRegistry, type LocalRegistry } from './support/registry';

// The chart on a real Kubernetes API server (etcd, kube-apiserver, controller-manager, scheduler; kwok's fake
// nodes report the pods running and ready): installed from an OCI registry with the production values,
// upgraded, refused a mistyped value, uninstalled. The CRDs of the optional HTTPRoute and ServiceMonitor are
// applied first, so the API server validates those resources against the projects' own schemas.
const dir = join(WORK_DIR, 'cluster');
const clusterDir = join(dir, 'control-plane');
const NAMESPACE = 'pmo';
const RELEASE = 'pmo-platform';
const SELECTOR = `app.kubernetes.io/instance=${RELEASE}`;
const WORKLOADS = ['strategic-pmo', 'program-pmo', 'project-pmo', 'web'];

let tools: Toolchain;
let registry: LocalRegistry;
let access: ClusterAccess;
let kube: KubeApi;
let chartRef: string;

function helm(args: readonly string[]) {
  return run(tools.helm, [...args, '--kubeconfig', access.kubeconfig], {
    env: { ...process.env, HELM_CACHE_HOME: join(dir, 'helm-cache'), HELM_CONFIG_HOME: join(dir, 'helm-config') },
  });
}
function helmOk(args: readonly string[]): string {
  const result = helm(args);
  if (result.status !== 0) throw new Error(`helm ${args.join(' ')} exited ${result.status}\n${result.stderr}\n${result.stdout}`.slice(0, 8000));
  return result.stdout;
}
const installArgs = () => [
  // The test's registry speaks plain HTTP on loopback.
  '--plain-http',
  '--namespace',
  NAMESPACE,
  '-f',
  join(CHART_DIR, 'examples/production-ha.yaml'),
  '-f',
  join(__dirname, 'values/cluster.yaml'),
  '--set',
  `image.registry=${registry.host}`,
];

/** The cached CRDs (HTTPRoute, ServiceMonitor), created and waited for until the API server serves their groups. */
async function applyCustomResourceDefinitions(): Promise<void> {
  const definitions = readdirSync(tools.crds)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => parse(readFileSync(join(tools.crds, file), 'utf8')) as KubeObject & { spec: { group: string; versions: { name: string }[] } });
  for (const definition of definitions)
    await kube.create('apiextensions.k8s.io/v1', 'customresourcedefinitions', definition as unknown as Record<string, unknown>);
  const deadline = Date.now() + 60_000;
  for (const definition of definitions) {
    for (const { name } of definition.spec.versions) {
      while ((await kube.call('GET', `/apis/${definition.spec.group}/${name}`)).status !== 200) {
        if (Date.now() > deadline) throw new Error(`the API server does not serve ${definition.spec.group}/${name}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
}

/** The release's Deployments once each has the replicas it should (the autoscaler raises them to its minimum) ready and updated. */
async function deploymentsReady(replicas: number): Promise<KubeObject[]> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const deployments = await kube.list('apps/v1', 'deployments', NAMESPACE, SELECTOR);
    const ready = deployments.every((d) => {
      const status = d.status as { readyReplicas?: number; updatedReplicas?: number; replicas?: number };
      const wanted = (d.spec as { replicas: number }).replicas;
      return wanted === replicas && status.readyReplicas === wanted && status.updatedReplicas === wanted && status.replicas === wanted;
    });
    if ((ready && deployments.length === WORKLOADS.length) || Date.now() > deadline) return deployments;
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  tools = toolchain('crane', 'helm', 'kwok', 'kube', 'crds');
  mkdirSync(dir, { recursive: true });
  runOk(join(ROOT, 'tools/kube/cluster'), ['up', clusterDir, '3']);
  access = clusterAccess(join(clusterDir, 'env'));
  kube = new KubeApi(access);
  await applyCustomResourceDefinitions();
  registry = await startRegistry(tools.crane, join(dir, 'registry'));
  // The chart as an admin gets it: packaged and pulled from an OCI registry.
  runOk(tools.helm, ['package', CHART_DIR, '--destination', dir]);
  const { version } = chartMetadata();
  runOk(tools.helm, ['push', join(dir, `pmo-platform-${version}.tgz`), `oci://${registry.host}/charts`, '--plain-http']);
  chartRef = `oci://${registry.host}/charts/pmo-platform`;
  // What examples/production-ha.yaml expects to exist: the namespace and the Secrets the admin creates.
  await kube.create('v1', 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
  const secret = (name: string, data: Record<string, string>) =>
    kube.create('v1', 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name }, stringData: data }, NAMESPACE);
  const services = ['strategic-pmo', 'program-pmo', 'project-pmo'];
  await secret(
    'pmo-database',
    Object.fromEntries(
      services.flatMap((s) => [
        [`${s}-owner-password`, `owner-${s}`],
        [`${s}-app-password`, `app-${s}`],
      ]),
    ),
  );
  await secret('pmo-kafka', Object.fromEntries(services.map((s) => [`${s}-password`, `kafka-${s}`])));
  await secret('pmo-kafka-cluster-ca-cert', { 'ca.crt': '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n' });
}, 3_600_000);

afterAll(async () => {
  await registry?.stop();
  run(join(ROOT, 'tools/kube/cluster'), ['down', clusterDir]);
}, 120_000);

describe('the chart on a real API server', () => {
  it('installs from the OCI registry with --wait: the migration Jobs ran first, every Deployment reaches its replicas', async () => {
    const { version } = chartMetadata();
    helmOk(['install', RELEASE, chartRef, '--version', version, ...installArgs(), '--wait', '--timeout', '5m']);
    const deployments = await deploymentsReady(3);
    expect(
      deployments.map((d) => [d.metadata.name, (d.status as { readyReplicas?: number }).readyReplicas, (d.spec as { replicas: number }).replicas]).sort(),
    ).toEqual(WORKLOADS.map((w) => [`pmo-platform-${w}`, 3, 3]).sort());
    // The hooks: one migration Job per service, each run to success before the workloads (then removed).
    const status = JSON.parse(helmOk(['status', RELEASE, '--namespace', NAMESPACE, '-o', 'json'])) as {
      hooks: { name: string; kind: string; last_run?: { phase: string } }[];
    };
    const jobs = status.hooks.filter((h) => h.kind === 'Job').map((h) => [h.name, h.last_run?.phase]);
    expect(jobs.sort()).toEqual(
      ['pmo-platform-program-pmo-migrate', 'pmo-platform-project-pmo-migrate', 'pmo-platform-strategic-pmo-migrate'].map((n) => [n, 'Succeeded']),
    );
    expect(await kube.list('batch/v1', 'jobs', NAMESPACE)).toEqual([]);
  });

  it('the API server accepted the PodDisruptionBudgets, HorizontalPodAutoscalers and NetworkPolicies', async () => {
    const names = async (groupVersion: string, resource: string) =>
      (await kube.list(groupVersion, resource, NAMESPACE, SELECTOR)).map((o) => o.metadata.name).sort();
    expect(await names('policy/v1', 'poddisruptionbudgets')).toEqual(WORKLOADS.map((w) => `pmo-platform-${w}`).sort());
    expect(await names('autoscaling/v2', 'horizontalpodautoscalers')).toEqual(WORKLOADS.map((w) => `pmo-platform-${w}`).sort());
    expect(await names('networking.k8s.io/v1', 'networkpolicies')).toEqual(['pmo-platform-migrate', 'pmo-platform-services', 'pmo-platform-web']);
    const pdbs = await kube.list('policy/v1', 'poddisruptionbudgets', NAMESPACE, SELECTOR);
    // The disruption controller counts the pods each budget covers.
    expect(pdbs.map((p) => (p.status as { expectedPods?: number }).expectedPods)).toEqual([3, 3, 3, 3]);
  });

  it('the API server validated the HTTPRoute and the ServiceMonitor against their CRDs and stored them', async () => {
    const route = await kube.list('gateway.networking.k8s.io/v1', 'httproutes', NAMESPACE, SELECTOR);
    expect(route.map((r) => r.metadata.name)).toEqual(['pmo-platform']);
    const rules = (route[0].spec as { rules: { matches: { path: { value: string } }[] }[] }).rules;
    expect(rules.map((r) => r.matches[0].path.value).sort()).toEqual(['/', '/api/program', '/api/project', '/api/strategic']);
    const monitors = await kube.list('monitoring.coreos.com/v1', 'servicemonitors', NAMESPACE, SELECTOR);
    expect(monitors.map((m) => m.metadata.name)).toEqual(['pmo-platform']);
  });

  it("refuses, by the CRD's schema, an HTTPRoute the values schema lets through (a parent without a name)", async () => {
    const { manifests } = renderChart(
      tools.helm,
      ['examples/production-ha.yaml', join(__dirname, 'values/cluster.yaml')],
      ['--set-json', 'httpRoute.parentRefs=[{"namespace":"gateways"}]'],
    );
    const route = manifests.find((m) => m.kind === 'HTTPRoute');
    const refused = await kube.call<{ message: string }>('POST', `/apis/gateway.networking.k8s.io/v1/namespaces/${NAMESPACE}/httproutes?dryRun=All`, {
      ...route,
      metadata: { ...route?.metadata, name: 'nameless-parent' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('spec.parentRefs[0].name: Required value');
  });

  it('the pods run as the chart says: non-root, read-only, no token mounted, spread over the three zones', async () => {
    const pods = await kube.list('v1', 'pods', NAMESPACE, SELECTOR);
    expect(pods).toHaveLength(12);
    for (const pod of pods) {
      const spec = pod.spec as {
        nodeName: string;
        automountServiceAccountToken: boolean;
        containers: { securityContext: Record<string, unknown>; volumeMounts: { mountPath: string }[] }[];
      };
      expect(spec.automountServiceAccountToken).toBe(false);
      expect(spec.containers[0].volumeMounts.map((m) => m.mountPath)).not.toContain('/var/run/secrets/kubernetes.io/serviceaccount');
      expect(spec.containers[0].securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    }
    for (const workload of WORKLOADS) {
      const nodes = pods.filter((p) => p.metadata.labels?.['app.kubernetes.io/component'] === workload).map((p) => (p.spec as { nodeName: string }).nodeName);
      expect(new Set(nodes).size).toBe(3);
    }
  });

  it('helm upgrade with changed values rolls the pods (after the migration Jobs ran again)', async () => {
    const before = new Set((await kube.list('v1', 'pods', NAMESPACE, SELECTOR)).map((p) => p.metadata.name));
    const upgradeStarted = Date.now() - 1_000;
    const { version } = chartMetadata();
    helmOk(['upgrade', RELEASE, chartRef, '--version', version, ...installArgs(), '--set', 'logLevel=debug', '--wait', '--timeout', '5m']);
    const deployments = await deploymentsReady(3);
    expect(deployments.map((d) => (d.status as { readyReplicas?: number }).readyReplicas)).toEqual([3, 3, 3, 3]);
    const deadline = Date.now() + 60_000;
    let after = await kube.list('v1', 'pods', NAMESPACE, SELECTOR);
    while (after.some((p) => before.has(p.metadata.name)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      after = await kube.list('v1', 'pods', NAMESPACE, SELECTOR);
    }
    expect(after.filter((p) => before.has(p.metadata.name)).map((p) => p.metadata.name)).toEqual([]);
    expect(after).toHaveLength(12);
    const config = await kube.list('v1', 'configmaps', NAMESPACE, SELECTOR);
    expect(config.map((c) => (c as KubeObject & { data: Record<string, string> }).data.PMO_LOG_LEVEL)).toEqual(['debug']);
    const status = JSON.parse(helmOk(['status', RELEASE, '--namespace', NAMESPACE, '-o', 'json'])) as {
      hooks: { name: string; kind: string; last_run?: { phase: string; started_at: string } }[];
    };
    const migrations = status.hooks.filter((h) => h.kind === 'Job');
    expect(migrations.map((h) => [h.last_run?.phase, Date.parse(h.last_run?.started_at ?? '') >= upgradeStarted])).toEqual([
      ['Succeeded', true],
      ['Succeeded', true],
      ['Succeeded', true],
    ]);
    const history = JSON.parse(helmOk(['history', RELEASE, '--namespace', NAMESPACE, '-o', 'json'])) as { revision: number; status: string }[];
    expect(history.map((h) => [h.revision, h.status])).toEqual([
      [1, 'superseded'],
      [2, 'deployed'],
    ]);
  });

  it('refuses a values file with a mistyped field, and the release stays as it was', () => {
    const bad = join(dir, 'mistyped.yaml');
    writeFileSync(bad, 'workloads:\n  web:\n    replicas: "3"\n    podDisruptionBudget: { enabled: true, maxUnavailble: 1 }\n');
    const { version } = chartMetadata();
    const result = helm(['upgrade', RELEASE, chartRef, '--version', version, ...installArgs(), '-f', bad]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("values don't meet the specifications of the schema");
    expect(result.stderr).toContain("additional properties 'maxUnavailble' not allowed");
    expect(result.stderr).toMatch(/replicas.*(integer|got string)/s);
    const history = JSON.parse(helmOk(['history', RELEASE, '--namespace', NAMESPACE, '-o', 'json'])) as { revision: number }[];
    expect(history).toHaveLength(2);
  });

  it('helm uninstall leaves no resource of the release behind', async () => {
    helmOk(['uninstall', RELEASE, '--namespace', NAMESPACE, '--wait', '--timeout', '3m']);
    const kinds: [string, string][] = [
      ['apps/v1', 'deployments'],
      ['apps/v1', 'replicasets'],
      ['v1', 'pods'],
      ['v1', 'services'],
      ['v1', 'configmaps'],
      ['v1', 'secrets'],
      ['v1', 'serviceaccounts'],
      ['batch/v1', 'jobs'],
      ['policy/v1', 'poddisruptionbudgets'],
      ['autoscaling/v2', 'horizontalpodautoscalers'],
      ['networking.k8s.io/v1', 'networkpolicies'],
      ['networking.k8s.io/v1', 'ingresses'],
      ['gateway.networking.k8s.io/v1', 'httproutes'],
      ['monitoring.coreos.com/v1', 'servicemonitors'],
    ];
    const deadline = Date.now() + 60_000;
    for (;;) {
      const left: string[] = [];
      for (const [groupVersion, resource] of kinds) {
        for (const object of await kube.list(groupVersion, resource, NAMESPACE)) {
          // The admin's own Secrets and the namespace's default ServiceAccount and CA bundle were there before.
          const before = ['pmo-database', 'pmo-kafka', 'pmo-kafka-cluster-ca-cert', 'default', 'kube-root-ca.crt'].includes(object.metadata.name);
          if (!before) left.push(`${resource}/${object.metadata.name}`);
        }
      }
      if (left.length === 0 || Date.now() > deadline) {
        expect(left).toEqual([]);
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  });
});
