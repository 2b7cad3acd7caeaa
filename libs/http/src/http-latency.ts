import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from './metrics-registry';

/**
 * Times every request into `pmo_http_request_duration_seconds`, labelled by the route template Express
 * matched (`/programs/:programId`, never the id itself, so the series stay few); a request no route
 * matched is `(unmatched)`.
 */
export function recordHttpLatency(service: string) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (request.route as { path?: unknown } | undefined)?.path;
      httpRequestDuration.observe(
        { service, method: request.method, route: typeof route === 'string' ? route : '(unmatched)', status_code: String(response.statusCode) },
        seconds,
      );
    });
    next();
  };
}
