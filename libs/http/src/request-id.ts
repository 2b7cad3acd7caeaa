import { runWithAuditContext } from '@pmo/persistence';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

// A caller's id is kept when it is a plausible id (proxies and clients send UUIDs or similar tokens);
// anything else is replaced, so the audit log never stores arbitrary text from a header.
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id of a request: the caller's `X-Request-Id` if it is a plausible id, else a new UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && ACCEPTED_ID.test(given) ? given : randomUUID();
}

/** Gives each request an id and answers it in `X-Request-Id` (error answers included). */
export function assignRequestId(request: Request, response: Response, next: NextFunction): void {
  const requestId = requestIdOf(request.headers['x-request-id']);
  response.locals.requestId = requestId;
  response.setHeader('X-Request-Id', requestId);
  next();
}

/** Runs the rest of the request in an audit context, so every audit entry it writes carries its id. */
export function runInRequestAuditContext(_request: Request, response: Response, next: NextFunction): void {
  runWithAuditContext({ requestId: String(response.locals.requestId) }, next);
}
