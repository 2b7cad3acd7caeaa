import type { Response } from 'express';
import { DomainError } from './domain-error';

/** A keyset cursor this service did not give out (or one for another listing). */
export class InvalidCursorError extends DomainError {
  readonly code = 'PAGE.INVALID_CURSOR';
  readonly kind = 'invalid';

  constructor() {
    super('after must be the next cursor of a previous page');
  }
}

/**
 * Writes each chunk to the response as it comes and waits for the socket to drain before asking for the next:
 * memory holds one chunk, whatever the size of the whole. Stops early when the client goes away.
 */
export async function streamChunks(response: Response, contentType: string, chunks: AsyncIterable<string | Buffer>): Promise<void> {
  response.status(200).type(contentType);
  for await (const chunk of chunks) {
    if (response.destroyed) return;
    if (!response.write(chunk)) await drained(response);
  }
  response.end();
}

// Resolves on 'drain' or 'close', whichever comes first, and leaves no listener behind.
function drained(response: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
