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
      const path = (request.route as { path?: unknown } | undefined)?.path;
      // Nest answers unknown paths from a catch-all route: those are not one route.
      const route = typeof path === 'string' && path !== '/{*path}' ? path : '(unmatched)';
      httpRequestDuration.observe({ service, method: request.method, route, status_code: String(response.statusCode) }, seconds);
    });
    next();
  };
}
