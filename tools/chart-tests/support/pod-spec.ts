import type { Manifest } from './chart';

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
    fieldRef?: { fieldPath: string };
  };
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name: string; containerPort: number }[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  securityContext?: Record<string, unknown>;
  startupProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  automountServiceAccountToken?: boolean;
  serviceAccountName?: string;
  securityContext?: Record<string, unknown>;
  volumes?: { name: string; emptyDir?: Record<string, unknown>; secret?: { secretName: string; items?: { key: string; path: string }[] } }[];
}

/** The pod template of a Deployment or Job manifest. */
export function podSpecOf(manifest: Manifest): PodSpec {
  const template = (manifest.spec as { template?: { spec?: PodSpec } } | undefined)?.template?.spec;
  if (!template) throw new Error(`${manifest.kind} ${manifest.metadata.name} has no pod template`);
  return template;
}

export function workloadsOf(manifests: readonly Manifest[]): Manifest[] {
  return manifests.filter((manifest) => manifest.kind === 'Deployment' || manifest.kind === 'Job');
}
