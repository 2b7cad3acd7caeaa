import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { deflateRawSync } from 'node:zlib';

/** What a browser would receive from one endpoint: the body's bytes on the wire, asking for gzip, and plain. */
export interface WireSize {
  endpoint: string;
  /** Bytes of the body as sent to `Accept-Encoding: gzip, deflate, br` (what browsers and the load runs send). */
  wireBytes: number;
  encoding: string;
  /** Bytes of the same answer asked without an encoding. */
  plainBytes: number;
}

/** One compression of an answer's JSON at a zlib level: its bytes and the median time of a few. */
export interface GzipLevel {
  endpoint: string;
  level: number;
  plainBytes: number;
  gzipBytes: number;
  medianMs: number;
}

// What browsers send: the load runs send it too, so they load what a browser loads.
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br';

export async function wireSizeOf(endpoint: string, url: string, token: string): Promise<{ size: WireSize; plain: Buffer }> {
  const [wire, plain] = [await get(url, token, BROWSER_ACCEPT_ENCODING), await get(url, token, undefined)];
  return {
    size: { endpoint, wireBytes: wire.bytes.byteLength, encoding: wire.encoding ?? 'identity', plainBytes: plain.bytes.byteLength },
    plain: plain.bytes,
  };
}

/** Compresses `plain` at each level as the services do (raw deflate, synchronous here to time it alone). */
export function gzipLevelsOf(endpoint: string, plain: Buffer, levels: readonly number[], times = 7): GzipLevel[] {
  return levels.map((level) => {
    const durations: number[] = [];
    let gzipBytes = 0;
    for (let i = 0; i < times; i += 1) {
      const started = performance.now();
      gzipBytes = deflateRawSync(plain, { level }).byteLength + 18;
      durations.push(performance.now() - started);
    }
    durations.sort((a, b) => a - b);
    return { endpoint, level, plainBytes: plain.byteLength, gzipBytes, medianMs: durations[Math.floor(times / 2)] };
  });
}

function get(url: string, token: string, acceptEncoding: string | undefined): Promise<{ bytes: Buffer; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) };
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}`));
        else resolve({ bytes: Buffer.concat(chunks), encoding: response.headers['content-encoding'] });
      });
    })
      .on('error', reject)
      .end();
  });
}
