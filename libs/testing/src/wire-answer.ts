import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';

/** An answer as it came over the wire: its headers and its body's bytes, decoded by nothing. */
export interface WireAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
  /** The body as JSON, gunzipped first when it came gzipped. */
  json<T>(): T;
}

/**
 * GET `url` with node:http, which (unlike fetch) neither asks for an encoding nor decodes one: `acceptEncoding`
 * is sent only when given, and the bytes are those the service wrote.
 */
export function getOnTheWire(url: string, token: string, acceptEncoding?: string): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
    };
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const gzipped = response.headers['content-encoding'] === 'gzip';
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          bytes,
          json: <T>() => JSON.parse((gzipped ? gunzipSync(bytes) : bytes).toString()) as T,
        });
      });
    })
      .on('error', reject)
      .end();
  });
}
