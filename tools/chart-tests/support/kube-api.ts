import { readFileSync } from 'node:fs';
import { request } from 'node:https';

/** What tools/kube/cluster writes to DIR/env: the API server and the admin's client certificate. */
export interface ClusterAccess {
  kubeconfig: string;
  api: string;
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

export function clusterAccess(envFile: string): ClusterAccess {
  const env = Object.fromEntries(
    readFileSync(envFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  return {
    kubeconfig: env.KUBECONFIG,
    api: env.PMO_KUBE_API,
    ca: readFileSync(env.PMO_KUBE_CA),
    cert: readFileSync(env.PMO_KUBE_CERT),
    key: readFileSync(env.PMO_KUBE_KEY),
  };
}

export interface KubeObject {
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    uid?: string;
    deletionTimestamp?: string;
    ownerReferences?: { kind: string; name: string }[];
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

/** A minimal client of the API server: the tests only read and create. */
export class KubeApi {
  constructor(private readonly access: ClusterAccess) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const url = new URL(path, this.access.api);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          ca: this.access.ca,
          cert: this.access.cert,
          key: this.access.key,
          headers: { 'content-type': 'application/json', accept: 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            // Not every answer is JSON (a group the server does not serve yet: a plain-text 404).
            const json = text && String(res.headers['content-type']).startsWith('application/json');
            resolve({ status: res.statusCode ?? 0, body: (json ? JSON.parse(text) : text || undefined) as T });
          });
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(JSON.stringify(body));
      req.end();
    });
  }

  /** Every object of a namespaced collection, e.g. list('apps/v1', 'deployments', 'pmo'). */
  async list(groupVersion: string, resource: string, namespace: string, labelSelector?: string): Promise<KubeObject[]> {
    const base = groupVersion === 'v1' ? '/api/v1' : `/apis/${groupVersion}`;
    const query = labelSelector ? `?labelSelector=${encodeURIComponent(labelSelector)}` : '';
    const { status, body } = await this.call<{ items: KubeObject[] }>('GET', `${base}/namespaces/${namespace}/${resource}${query}`);
    if (status !== 200) throw new Error(`GET ${resource} in ${namespace}: ${status} ${JSON.stringify(body)}`);
    return body.items;
  }

  async create(groupVersion: string, resource: string, object: Record<string, unknown>, namespace?: string): Promise<void> {
    const base = groupVersion === 'v1' ? '/api/v1' : `/apis/${groupVersion}`;
    const path = namespace ? `${base}/namespaces/${namespace}/${resource}` : `${base}/${resource}`;
    const { status, body } = await this.call('POST', path, object);
    if (status !== 201 && status !== 409) throw new Error(`POST ${path}: ${status} ${JSON.stringify(body)}`);
  }
}
