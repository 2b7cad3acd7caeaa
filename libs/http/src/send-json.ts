import type { Request, Response } from 'express';
import { gzipOfKept } from './kept-gzip';

/**
 * A JSON object already serialised, in two parts: `body`, every member but the last with the opening brace and
 * no closing one, and `tail`, the last member and the closing brace (`,"asOf":"…"}`), which changes per request.
 * `kept`: the body is kept by the caller and sent again as is, so its compressed form is worth keeping too.
 */
export interface JsonDocument {
  body: Buffer;
  tail: string;
  kept: boolean;
}

/**
 * Answers 200 with a JSON document already serialised, so a kept answer is neither parsed, serialised nor copied
 * again. A kept body goes gzipped to a request that accepts gzip, compressed once per body (`gzipOfKept`); any
 * other goes as it is. No ETag: express would hash the whole body on every request for one.
 */
export async function sendJson(request: Request, response: Response, document: JsonDocument): Promise<void> {
  const { body, tail, kept } = document;
  const gzip = kept && request.acceptsEncodings('gzip', 'identity') === 'gzip';
  const parts = gzip ? await gzipOfKept(body, tail) : [body, Buffer.from(tail)];
  response.status(200).setHeader('content-type', 'application/json; charset=utf-8');
  // Caches between the client and the service must not give a gzipped answer to a client that did not ask.
  if (kept) response.setHeader('vary', 'Accept-Encoding');
  if (gzip) response.setHeader('content-encoding', 'gzip');
  response.setHeader(
    'content-length',
    parts.reduce((sum, part) => sum + part.byteLength, 0),
  );
  for (const part of parts.slice(0, -1)) response.write(part);
  response.end(parts[parts.length - 1]);
}
