import { applyDecorators, SetMetadata, type INestApplication, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import type { ErrorBody as ErrorBodyShape, ErrorDetail as ErrorDetailShape } from './error-filter';

/** One particular of an error answer (component `ErrorDetail`). */
class ErrorDetail implements ErrorDetailShape {
  [fact: string]: unknown;

  @ApiProperty({
    description: 'JSON pointer of the field it is about in what was sent (or in the named file); empty when it is about the whole request',
    example: '/percentComplete',
  })
  path: string;

  @ApiProperty({ description: 'What is wrong there', example: 'percentComplete must be <= 100' })
  message: string;
}

/** The body of every error answer, as the OpenAPI documents name it (component `ErrorBody`). */
class ErrorBody implements ErrorBodyShape {
  @ApiProperty({ description: 'The HTTP status, repeated', example: 404 })
  statusCode: number;

  @ApiProperty({ description: 'Stable machine-readable code', example: 'PROGRAM.NOT_FOUND' })
  code: string;

  @ApiProperty({ description: 'What went wrong, naming the thing', example: 'program 3f2b8c1e-1d2a-4c55-9e0b-6a1f2d3c4b5a not found' })
  message: string;

  @ApiPropertyOptional({
    description:
      'Particulars, one per failing field or problem, each with its path and message; a problem in an uploaded file also names its file, line and column',
    type: () => [ErrorDetail],
  })
  details?: ErrorDetail[];

  @ApiPropertyOptional({ description: 'OpenTelemetry trace id of the request, to find it in the logs' })
  traceId?: string;
}

const DEFAULT_DESCRIPTION: Record<number, string> = {
  400: 'Invalid input (path, query or body): the message names every failing field',
  401: 'Missing or invalid bearer token',
  403: 'Your role may not do this',
  404: 'Unknown id, or one outside your scope (one answer for both)',
  409: 'Conflicts with the current state: an illegal transition, a duplicate or a stale version',
  413: 'Request body larger than the limit for its media type',
  415: 'Request body in a media type the route does not take',
  422: 'Well-formed but refused by a business rule (named in the message)',
  503: 'The service is busy or its database unavailable (SERVICE.BUSY: no database connection in time, a statement cut short, the database down); nothing was done, retry after Retry-After seconds',
};

/** Declares error statuses a route answers; each with the one error body (added to every 4xx when the document is built). */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DEFAULT_DESCRIPTION[status] ?? `HTTP ${status}` })));
}

/** The route needs no token: its operations say `security: []` (pair with `@Public()`). */
export const ApiNoToken = () => SetMetadata(DECORATORS.API_SECURITY, []);

type JsonType = Type<unknown> | [Type<unknown>];

/**
 * A success answer that is not (only) JSON: `json` its JSON schema, `text` media types of text answers
 * (CSV, YAML), `binary` those of archives.
 */
export function ApiContent(status: number, description: string, media: { json?: JsonType; text?: string[]; binary?: string[] }): MethodDecorator {
  const content: Record<string, { schema: object }> = {};
  const decorators: MethodDecorator[] = [];
  if (media.json) {
    const model = Array.isArray(media.json) ? media.json[0] : media.json;
    const ref = { $ref: getSchemaPath(model) };
    content['application/json'] = { schema: Array.isArray(media.json) ? { type: 'array', items: ref } : ref };
    decorators.push(ApiExtraModels(model));
  }
  for (const type of media.text ?? []) content[type] = { schema: { type: 'string' } };
  for (const type of media.binary ?? []) content[type] = { schema: { type: 'string', format: 'binary' } };
  return applyDecorators(...decorators, ApiResponse({ status, description, content }));
}

interface OperationLike {
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { description?: string; content?: unknown; headers?: Record<string, unknown> }>;
}

/**
 * The OpenAPI document of a service, with what every route can answer added where the route does not say
 * it: 401 and 403 on every route that needs a token, 400 where there is input, 404 where there is an id in
 * the path, 413 where there is a body; the one error body on every 4xx; and on every route that does not
 * declare its own, 503 (the database busy) with the error body and its Retry-After header.
 */
export function buildOpenApiDocument(app: INestApplication, api: { title: string; description: string; version: string }): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(api.title).setDescription(api.description).setVersion(api.version).addBearerAuth().addSecurityRequirements('bearer').build(),
    { extraModels: [ErrorBody, ErrorDetail] },
  );
  const errorRef = { $ref: getSchemaPath(ErrorBody) };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as OperationLike[]) {
      if (typeof operation !== 'object' || !operation?.responses) continue;
      const needsToken = !(Array.isArray(operation.security) && operation.security.length === 0);
      const parameters = operation.parameters ?? [];
      const add = (status: number) => (operation.responses[status] ??= { description: DEFAULT_DESCRIPTION[status] });
      if (needsToken) [401, 403].forEach(add);
      if (needsToken && (parameters.length > 0 || operation.requestBody)) add(400);
      if (parameters.some((p) => p.in === 'path')) add(404);
      if (operation.requestBody) add(413);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && Number(status) < 500) response.content = { 'application/json': { schema: errorRef } };
      }
      // A route that declares its own 503 (the health checks) keeps its body.
      operation.responses[503] ??= {
        description: DEFAULT_DESCRIPTION[503],
        headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } },
        content: { 'application/json': { schema: errorRef } },
      };
    }
  }
  return document;
}
