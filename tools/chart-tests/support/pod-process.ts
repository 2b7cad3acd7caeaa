import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from './chart';
import type { Container, EnvVar, PodSpec } from './pod-spec';

/** What an image says about how it runs (`crane config`). */
export interface ImageConfig {
  Entrypoint?: string[];
  Cmd?: string[];
  Env?: string[];
  WorkingDir?: string;
  User?: string;
}

/**
 * The environment a kubelet gives the container: the image's, then envFrom, then env, with secretKeyRef,
 * configMapKeyRef and metadata.name resolved from the rendered manifests and $(VAR) expanded as Kubernetes does.
 */
export function containerEnv(container: Container, image: ImageConfig, manifests: readonly Manifest[], podName: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of image.Env ?? []) {
    const [name, value] = entry.split(/=(.*)/s);
    env[name] = value ?? '';
  }
  const find = (kind: string, name: string) => {
    const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
    if (!found) throw new Error(`${container.name} refers to ${kind} ${name}, which the chart did not render`);
    return found;
  };
  const secretValue = (name: string, key: string) => {
    const secret = find('Secret', name);
    const value = secret.stringData?.[key] ?? (secret.data?.[key] !== undefined ? Buffer.from(secret.data[key], 'base64').toString('utf8') : undefined);
    if (value === undefined) throw new Error(`Secret ${name} has no key ${key}`);
    return value;
  };
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, find('ConfigMap', source.configMapRef.name).data);
    if (source.secretRef) {
      const secret = find('Secret', source.secretRef.name);
      for (const key of Object.keys({ ...secret.data, ...secret.stringData })) env[key] = secretValue(source.secretRef.name, key);
    }
  }
  for (const variable of container.env ?? []) env[variable.name] = valueOf(variable, env, secretValue, find, podName);
  return env;
}

function valueOf(
  variable: EnvVar,
  env: Record<string, string>,
  secretValue: (name: string, key: string) => string,
  find: (kind: string, name: string) => Manifest,
  podName: string,
): string {
  if (variable.value !== undefined) return variable.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, name: string) => env[name] ?? all);
  const from = variable.valueFrom;
  if (from?.secretKeyRef) return secretValue(from.secretKeyRef.name, from.secretKeyRef.key);
  if (from?.configMapKeyRef) return find('ConfigMap', from.configMapKeyRef.name).data?.[from.configMapKeyRef.key] ?? '';
  if (from?.fieldRef?.fieldPath === 'metadata.name') return podName;
  throw new Error(`env ${variable.name}: a source the test does not resolve (${JSON.stringify(from)})`);
}

/** Files the pod mounts from Secrets, written where the manifest mounts them inside the root filesystem. */
export function writeMountedSecrets(pod: PodSpec, container: Container, manifests: readonly Manifest[], rootfs: string): void {
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.volumes?.find((v) => v.name === mount.name);
    if (!volume?.secret) continue;
    const secret = manifests.find((m) => m.kind === 'Secret' && m.metadata.name === volume.secret?.secretName);
    if (!secret) throw new Error(`volume ${volume.name}: Secret ${volume.secret.secretName} was not rendered`);
    mkdirSync(join(rootfs, mount.mountPath), { recursive: true });
    for (const item of volume.secret.items ?? []) writeFileSync(join(rootfs, mount.mountPath, item.path), secret.stringData?.[item.key] ?? '');
  }
}

const CHROOT = '/usr/sbin/chroot';

export interface PodProcess {
  child: ChildProcess;
  exited: Promise<number>;
  stop(): Promise<void>;
}

/**
 * The container's entrypoint and arguments, run inside its unpacked root filesystem (chroot) as the numeric
 * user of the pod's securityContext, with exactly the given environment; output to logFile.
 */
export function runInRootfs(rootfs: string, argv: readonly string[], env: Record<string, string>, user: number, logFile: string): PodProcess {
  const log = createWriteStream(logFile);
  // By its path: the container's environment has no PATH of this machine.
  const child = spawn(CHROOT, [`--userspec=${user}:${user}`, rootfs, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1)));
  });
  return {
    child,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
