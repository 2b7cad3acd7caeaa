import type { Response } from 'express';

/**
 * Answers 200 with a JSON document already serialised, in parts written one after the other (a head that
 * changes per request and a body kept as bytes), so a kept answer is neither parsed, serialised nor copied again.
 * No ETag: express would hash the whole body on every request for one.
 */
export function sendJson(response: Response, parts: readonly (string | Buffer)[]): void {
  const length = parts.reduce((sum, part) => sum + (typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength), 0);
  response.status(200).setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('content-length', length);
  for (const part of parts.slice(0, -1)) response.write(part);
  response.end(parts[parts.length - 1]);
}
