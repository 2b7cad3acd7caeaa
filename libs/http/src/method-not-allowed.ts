import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody } from './error-filter';

/** A documented path as a pattern, with the methods its operations have. */
export interface DocumentedPath {
  template: string;
  pattern: RegExp;
  methods: readonly string[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'trace'];

/** Every path of an OpenAPI document, `{param}` matching one segment; HEAD goes with GET, as Express serves it. */
export function documentedPaths(document: Pick<OpenAPIObject, 'paths'>): DocumentedPath[] {
  return Object.entries(document.paths).map(([template, item]) => {
    const methods = HTTP_METHODS.filter((m) => (item as Record<string, unknown>)[m] !== undefined).map((m) => m.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD');
    const segments = template.split('/').map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    return { template, pattern: new RegExp(`^${segments.join('/')}/?$`), methods };
  });
}

/** The methods a path allows (over every documented path it matches), or undefined when none matches it. */
export function allowedMethods(paths: readonly DocumentedPath[], path: string): { template: string; methods: string[] } | undefined {
  const matching = paths.filter((p) => p.pattern.test(path));
  if (matching.length === 0) return undefined;
  return { template: matching[0].template, methods: [...new Set(matching.flatMap((p) => p.methods))] };
}

/**
 * A method a documented path does not have is answered 405 with `Allow` (not 404: the resource is there), before
 * authentication, as a method is part of the request line. Paths the document does not know go on (to 404).
 */
export function refuseUndocumentedMethod(document: Pick<OpenAPIObject, 'paths'>) {
  const paths = documentedPaths(document);
  return (request: Request, response: Response, next: NextFunction): void => {
    const allowed = allowedMethods(paths, request.path);
    if (!allowed || allowed.methods.includes(request.method)) return next();
    const body: ErrorBody = {
      statusCode: 405,
      code: 'REQUEST.METHOD_NOT_ALLOWED',
      message: `${request.method} is not a method of ${allowed.template}: it allows ${allowed.methods.join(', ')}`,
    };
    response.setHeader('Allow', allowed.methods.join(', '));
    response.status(405).json(body);
  };
}
