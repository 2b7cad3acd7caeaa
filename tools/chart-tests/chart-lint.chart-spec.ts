import { API_SERVICES, committedDocument } from '@pmo/api-contracts';
import { PLATFORM_TOPICS, deadLetterTopicOf } from '@pmo/contracts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { CHART_DIR, ROOT, WORK_DIR, run, runOk, toolchain, type Toolchain } from './support/toolchain';
import { VALUES_FILES, chartMetadata, declaredKubernetesRange, renderChart } from './support/chart';
import { podSpecOf, workloadsOf } from './support/pod-spec';

// helm lint, offline validation against the Kubernetes versions the chart declares, and what every
// rendering must hold whatever the values.
let tools: Toolchain;
const dir = join(WORK_DIR, 'lint');
// Gateway API, Prometheus Operator and Strimzi kinds: kubernetes-validate has no schema for them.
const CUSTOM_KINDS = ['HTTPRoute', 'ServiceMonitor', 'KafkaTopic'];

beforeAll(() => {
  tools = toolchain('helm', 'validate');
  mkdirSync(dir, { recursive: true });
}, 3_600_000);

describe('helm lint --strict', () => {
  it.each(VALUES_FILES)('passes with %s', (file) => {
    const result = run(tools.helm, ['lint', '--strict', CHART_DIR, '-f', join(CHART_DIR, file)]);
    expect({ status: result.status, output: result.stdout + result.stderr }).toMatchObject({ status: 0 });
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  });
});

describe('helm template, validated with kubernetes-validate --strict', () => {
  const { oldest, newest } = declaredKubernetesRange();
  const cases = VALUES_FILES.flatMap((file) => [oldest, newest].map((version) => [file, version] as const));
  it.each(cases)('%s renders resources valid in Kubernetes %s', (file, version) => {
    const { yaml, manifests } = renderChart(tools.helm, [file], ['--kube-version', version]);
    const rendered = join(dir, `${file.replace(/[/.]/g, '-')}-${version}.yaml`);
    writeFileSync(rendered, yaml);
    const result = run(tools.kubernetesValidate, ['--strict', '--kubernetes-version', version, rendered]);
    const lines = (result.stdout + result.stderr).trim().split('\n');
    expect({ status: result.status, failures: lines.filter((line) => !/ passed for resource |Couldn't find schema for kind/.test(line)) }).toEqual({
      status: 0,
      failures: [],
    });
    // Every built-in resource was checked; only custom resources (their definitions are not Kubernetes') are not.
    const builtIn = manifests.filter((m) => !CUSTOM_KINDS.includes(m.kind));
    expect(lines.filter((line) => line.includes(' passed for resource '))).toHaveLength(builtIn.length);
    const skipped = lines.filter((line) => line.includes("Couldn't find schema")).map((line) => /kind (\w+)/.exec(line)?.[1]);
    expect(skipped.every((kind) => kind !== undefined && CUSTOM_KINDS.includes(kind))).toBe(true);
  });
});

describe('what every rendering holds', () => {
  it.each(VALUES_FILES)('%s: every pod runs as non-root, read-only, without privileges or a service account token', (file) => {
    const { manifests } = renderChart(tools.helm, [file]);
    const workloads = workloadsOf(manifests);
    expect(workloads.map((w) => w.metadata.name).sort()).toEqual(expect.arrayContaining(['pmo-strategic-pmo', 'pmo-web', 'pmo-strategic-pmo-migrate']));
    for (const workload of workloads) {
      const pod = podSpecOf(workload);
      expect({ name: workload.metadata.name, automount: pod.automountServiceAccountToken }).toEqual({ name: workload.metadata.name, automount: false });
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      for (const container of pod.containers) {
        expect(container.securityContext).toEqual(
          expect.objectContaining({
            runAsNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            privileged: false,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          }),
        );
        expect(container.resources?.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
        expect(container.resources?.limits).toEqual(expect.objectContaining({ memory: expect.any(String) }));
      }
    }
  });

  it('probes mean start-up and liveness (the process answers) and readiness (it can serve)', () => {
    const { manifests } = renderChart(tools.helm, ['values.yaml']);
    const deployments = manifests.filter((m) => m.kind === 'Deployment');
    for (const deployment of deployments) {
      const [container] = podSpecOf(deployment).containers;
      const isWeb = deployment.metadata.name.endsWith('-web');
      expect([
        deployment.metadata.name,
        container.startupProbe?.httpGet?.path,
        container.livenessProbe?.httpGet?.path,
        container.readinessProbe?.httpGet?.path,
      ]).toEqual([deployment.metadata.name, '/health/live', '/health/live', isWeb ? '/health/live' : '/health/ready']);
    }
  });

  it('the migration Jobs run `migrate` as each database owner before install and upgrade; the services serve as their app role', () => {
    const { manifests } = renderChart(tools.helm, ['examples/minimal.yaml']);
    const job = manifests.find((m) => m.kind === 'Job' && m.metadata.name === 'pmo-program-pmo-migrate');
    expect(job?.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'pre-install,pre-upgrade' });
    const [migrate] = podSpecOf(job!).containers;
    expect(migrate.args).toEqual(['migrate']);
    const env = Object.fromEntries((migrate.env ?? []).map((e) => [e.name, e.value ?? e.valueFrom]));
    expect(env).toMatchObject({
      PMO_DB_USER: 'program_pmo_owner',
      PMO_DB_APP_ROLE: 'program_pmo_app',
      PROGRAM_PMO_DB_NAME: 'program_pmo',
      PMO_DB_PASSWORD: { secretKeyRef: { name: 'pmo-database-owner', key: 'program-pmo-owner-password' } },
    });
    const service = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'pmo-program-pmo');
    const serving = Object.fromEntries((podSpecOf(service!).containers[0].env ?? []).map((e) => [e.name, e.value ?? e.valueFrom]));
    expect(serving).toMatchObject({
      PMO_DB_USER: 'program_pmo_app',
      PMO_DB_PASSWORD: { secretKeyRef: { name: 'pmo-database', key: 'program-pmo-app-password' } },
    });
    const config = manifests.find((m) => m.kind === 'ConfigMap');
    expect(config?.data).toMatchObject({ PMO_DB_MIGRATE_ON_START: 'false', PMO_TRANSPORT: 'kafka' });
    // The owner's password is a hook too (the Job runs before the release's resources exist), deleted after success.
    const ownerSecret = manifests.find((m) => m.kind === 'Secret' && m.metadata.name === 'pmo-database-owner');
    expect(ownerSecret?.metadata.annotations).toMatchObject({ 'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded' });
  });

  it('NetworkPolicies: every pod is isolated; in only from the ingress controller (to the services also from the web gateway and Prometheus); out only to PostgreSQL, Kafka, Keycloak, DNS and the OTLP collector', () => {
    const values = parse(readFileSync(join(CHART_DIR, 'examples/production-ha.yaml'), 'utf8')) as { networkPolicy: NetworkPolicyValues };
    const np = values.networkPolicy;
    const { manifests } = renderChart(tools.helm, ['examples/production-ha.yaml']);
    const policies = manifests.filter((m) => m.kind === 'NetworkPolicy') as unknown as NetworkPolicy[];
    for (const workload of workloadsOf(manifests)) {
      const labels = (workload.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
      const covering = policies.filter((p) => selects(p.spec.podSelector, labels));
      expect([workload.metadata.name, covering.map((p) => p.spec.policyTypes)]).toEqual([workload.metadata.name, [['Ingress', 'Egress']]]);
    }
    const byName = Object.fromEntries(policies.map((p) => [p.metadata.name, p.spec]));
    const controller = { namespaceSelector: np.ingressController.namespaceSelector, podSelector: np.ingressController.podSelector };
    const prometheus = { namespaceSelector: np.prometheus.namespaceSelector, podSelector: np.prometheus.podSelector };
    expect(byName['pmo-web'].ingress).toEqual([{ from: [controller], ports: [{ port: 'http', protocol: 'TCP' }] }]);
    expect(byName['pmo-services'].ingress).toEqual([
      {
        from: [{ podSelector: { matchLabels: expect.objectContaining({ 'app.kubernetes.io/component': 'web' }) } }, controller, prometheus],
        ports: [{ port: 'http', protocol: 'TCP' }],
      },
    ]);
    expect(byName['pmo-migrate'].ingress).toBeUndefined();
    const rule = (dest: { peers: unknown[]; ports: number[] }, protocols: string[]) => ({
      to: dest.peers,
      ports: dest.ports.flatMap((port) => protocols.map((protocol) => ({ port, protocol }))),
    });
    const dns = rule(np.egress.dns, ['UDP', 'TCP']);
    const otlp = rule(np.egress.otlp, ['TCP']);
    expect(byName['pmo-services'].egress).toEqual([
      rule(np.egress.postgresql, ['TCP']),
      rule(np.egress.kafka, ['TCP']),
      rule(np.egress.keycloak, ['TCP']),
      dns,
      otlp,
    ]);
    expect(byName['pmo-migrate'].egress).toEqual([rule(np.egress.postgresql, ['TCP']), dns, otlp]);
    // The web gateway reaches the three services and nothing outside the release but DNS and the collector.
    expect(byName['pmo-web'].egress).toEqual([expect.objectContaining({ ports: [{ port: 'http', protocol: 'TCP' }] }), dns, otlp]);
  });

  it('OTLP export is set by the values: every Deployment gets the endpoint and the resource attributes with production-ha.yaml, no endpoint by default', () => {
    const envOf = (file: string) =>
      renderChart(tools.helm, [file])
        .manifests.filter((m) => m.kind === 'Deployment')
        .map((d) => [d.metadata.name, Object.fromEntries((podSpecOf(d).containers[0].env ?? []).map((e) => [e.name, e.value]))] as const);
    for (const [name, env] of envOf('examples/production-ha.yaml')) {
      expect([name, env.OTEL_EXPORTER_OTLP_ENDPOINT, env.OTEL_RESOURCE_ATTRIBUTES]).toEqual([
        name,
        'http://otel-collector.observability.svc:4318',
        'k8s.namespace.name=pmo,k8s.pod.name=$(POD_NAME),deployment.environment=production',
      ]);
    }
    for (const [name, env] of envOf('values.yaml')) expect([name, env.OTEL_EXPORTER_OTLP_ENDPOINT]).toEqual([name, undefined]);
  });

  it("V8's old space is capped at nodeHeap.percentOfMemoryLimit of each container's memory limit, in any quantity's unit", () => {
    const heapOf = (args: string[]) =>
      Object.fromEntries(
        workloadsOf(renderChart(tools.helm, ['values.yaml'], args).manifests).map((w) => {
          const env = podSpecOf(w).containers[0].env ?? [];
          return [w.metadata.name, env.find((e) => e.name === 'NODE_OPTIONS')?.value];
        }),
      );
    // 512Mi for the services and their migrations, 256Mi for the web gateway, by default.
    expect(heapOf([])).toMatchObject({
      'pmo-strategic-pmo': '--max-old-space-size=384',
      'pmo-program-pmo-migrate': '--max-old-space-size=384',
      'pmo-web': '--max-old-space-size=192',
    });
    const webWith = (memory: string, percent = '75') =>
      heapOf(['--set-string', `workloads.web.resources.limits.memory=${memory}`, '--set', `nodeHeap.percentOfMemoryLimit=${percent}`])['pmo-web'];
    expect(['1Gi', '0.5Gi', '500M', '536870912'].map((memory) => webWith(memory))).toEqual([
      '--max-old-space-size=768',
      '--max-old-space-size=384',
      '--max-old-space-size=357',
      '--max-old-space-size=384',
    ]);
    expect(webWith('1Gi', '0')).toBeUndefined();
    const bad = run(tools.helm, ['template', 'pmo', CHART_DIR, '--set-string', 'workloads.web.resources.limits.memory=lots']);
    expect(bad.stderr).toContain('resources.limits.memory "lots": give it as bytes or with Ki, Mi, Gi, Ti, k, M, G or T');
  });

  it('the Strimzi topics are the platform topics and their dead-letter topics (libs/contracts)', () => {
    const declared = JSON.parse(readFileSync(join(CHART_DIR, 'files/kafka-topics.json'), 'utf8')) as string[];
    expect(declared).toEqual(PLATFORM_TOPICS.flatMap((topic) => [topic, deadLetterTopicOf(topic)]));
    const { manifests } = renderChart(tools.helm, ['examples/production-ha.yaml']);
    const topics = manifests.filter((m) => m.kind === 'KafkaTopic').map((m) => (m.spec as { topicName: string }).topicName);
    expect(topics).toEqual(declared);
  });

  it("the chart's version and appVersion follow package.json", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(chartMetadata()).toMatchObject({ version, appVersion: version });
    const { manifests } = renderChart(tools.helm, ['values.yaml']);
    const images = workloadsOf(manifests).flatMap((w) => podSpecOf(w).containers.map((c) => c.image));
    expect(new Set(images.map((image) => image.split(':').pop()))).toEqual(new Set([version]));
  });

  it("the services' OpenAPI documents carry the chart's appVersion (the running services' own are compared with them by the drift test)", () => {
    const { appVersion } = chartMetadata();
    const versions = API_SERVICES.map((service) => [service, (committedDocument(service) as { info: { version: string } }).info.version]);
    expect(versions).toEqual(API_SERVICES.map((service) => [service, appVersion]));
  });
});

describe('NOTES.txt', () => {
  const notes = (args: string[]) => {
    const out = runOk(tools.helm, ['install', 'pmo', CHART_DIR, '--dry-run=client', '-n', 'pmo', ...args]);
    return out.slice(out.indexOf('NOTES:'));
  };

  it('says where the web app and the APIs are through the Ingress, and where to sign in', () => {
    const text = notes(['-f', join(CHART_DIR, 'examples/production-ha.yaml')]);
    expect(text).toContain('Open the web app: https://pmo.example.org/');
    expect(text).toContain('/api/strategic, /api/program, /api/project');
    expect(text).toContain('Sign in on Keycloak: https://sso.example.org/realms/pmo');
  });

  it('without an Ingress, says how to reach the web app through its Service', () => {
    expect(notes(['--set', 'ingress.enabled=false'])).toContain('kubectl -n pmo port-forward service/pmo-web 3000:');
  });
});

describe('values.schema.json', () => {
  it.each([
    ['an unknown key', 'workloads:\n  web:\n    replicaCount: 3\n', "additional properties 'replicaCount' not allowed"],
    ['a string where a number belongs', 'workloads:\n  strategic-pmo:\n    replicas: two\n', 'replicas'],
    ['a misspelt section', 'ingres:\n  enabled: true\n', "additional properties 'ingres' not allowed"],
    ['a value outside its list', 'kafka:\n  sasl:\n    mechanism: plain\n', 'mechanism'],
  ])('refuses %s', (_what, values, message) => {
    const file = join(dir, `bad-${_what.replace(/\W+/g, '-')}.yaml`);
    writeFileSync(file, values);
    const result = run(tools.helm, ['template', 'pmo', CHART_DIR, '-f', file]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("values don't meet the specifications of the schema");
    expect(result.stderr).toContain(message);
  });

  it('accepts the same keys with the right types', () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, 'workloads:\n  web:\n    replicas: 3\n  strategic-pmo:\n    replicas: 2\nkafka:\n  sasl:\n    mechanism: scram-sha-256\n');
    expect(runOk(tools.helm, ['template', 'pmo', CHART_DIR, '-f', file])).toContain('kind: Deployment');
  });
});

type LabelSelector = { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values: string[] }[] };
type Peers = { peers: unknown[]; ports: number[] };
interface NetworkPolicyValues {
  ingressController: { namespaceSelector: unknown; podSelector: unknown };
  prometheus: { namespaceSelector: unknown; podSelector: unknown };
  egress: Record<'postgresql' | 'kafka' | 'keycloak' | 'otlp' | 'dns', Peers>;
}
interface NetworkPolicy {
  metadata: { name: string };
  spec: { podSelector: LabelSelector; policyTypes: string[]; ingress?: unknown[]; egress?: unknown[] };
}

/** Whether a pod with these labels is selected (matchLabels and `In` expressions, what the chart uses). */
function selects(selector: LabelSelector, labels: Record<string, string>): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every((e) => {
    if (e.operator !== 'In') throw new Error(`selector operator ${e.operator} is not handled here`);
    return e.values.includes(labels[e.key]);
  });
  return byLabels && byExpressions;
}
