import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const CHART_DIR = resolve(ROOT, 'helm/pmo-platform');
/** Scratch space of the chart tests, inside the clone's ignored .pmo/. */
export const WORK_DIR = resolve(ROOT, '.pmo/chart-tests');

export interface Toolchain {
  helm: string;
  crane: string;
  kubernetesValidate: string;
  /** The folder of the optional custom resources' CRD YAML (HTTPRoute, ServiceMonitor). */
  crds: string;
}

/** The pinned tools of tools/kube/versions.sh, built into their cache first when missing (cold: minutes). */
export function toolchain(...build: ('crane' | 'helm' | 'kwok' | 'kube' | 'validate' | 'crds')[]): Toolchain {
  if (build.length) execFileSync(resolve(ROOT, 'tools/kube/binaries'), build, { stdio: 'inherit' });
  const out = execFileSync(
    'bash',
    ['-c', '. tools/kube/versions.sh && echo "$HELM_BIN" && echo "$CRANE_BIN" && echo "$KUBERNETES_VALIDATE_BIN" && echo "$CRDS_DIR"'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  const [helm, crane, kubernetesValidate, crds] = out.trim().split('\n');
  return { helm, crane, kubernetesValidate, crds };
}

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; the caller asserts on the status and the output. */
export function run(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Run {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Like run, but throws with the command's output when it fails. */
export function runOk(command: string, args: readonly string[], options: Parameters<typeof run>[2] = {}): string {
  const result = run(command, args, options);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stderr}\n${result.stdout}`.slice(0, 8000));
  return result.stdout;
}
