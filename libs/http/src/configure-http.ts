import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { json, raw, text, type NextFunction, type Request, type Response } from 'express';
import { DataSource } from 'typeorm';
import { ErrorFilter, toErrorBody } from './error-filter';
import { JSON_TYPES, RAW_TYPES, TEXT_TYPES, markInvalidUtf8, refuseHostileBody, refuseHostileRequestLine } from './input-guard';
import { refuseUndocumentedMethod } from './method-not-allowed';
import { buildOpenApiDocument } from './openapi';
import { platformVersion } from './platform-version';
import { assignRequestId, runInRequestAuditContext } from './request-id';
import { SecurityRefusals } from './security-refusal';

/** A service's API; its version is the platform's (`platformVersion`). */
export interface HttpApiDescription {
  title: string;
  description: string;
}

/**
 * The HTTP conventions of every service: a request id (`X-Request-Id`, kept in the audit log), the input
 * rules (bodies, queries and path parameters are checked by `@BodyOf`/`@QueryOf`/`@ParamOf`), one error filter (which audits refused governance attempts), and the OpenAPI document at /api/docs (JSON at
 * /api/docs-json).
 */
export function configureHttp(app: INestApplication, api: HttpApiDescription): void {
  // Our own JSON parser (the app is created with bodyParser: false), so that a malformed or oversized
  // body gets the same error body as every other 4xx instead of Nest's bare message.
  app.use(assignRequestId);
  // Hostile input is refused before it reaches a validator or the database (README, "Input rules").
  app.use(refuseHostileRequestLine);
  app.use(json({ type: JSON_TYPES, limit: '1mb', verify: markInvalidUtf8 }));
  // Documents uploaded as they are (playbooks in YAML or Markdown front matter, archives of them).
  app.use(text({ type: TEXT_TYPES, limit: '5mb', verify: markInvalidUtf8 }));
  app.use(raw({ type: RAW_TYPES, limit: '20mb' }));
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (!error) return next();
    const body = toErrorBody(error);
    response.status(body.statusCode).json(body);
  });
  app.use(refuseHostileBody);
  // After the body parsers: they finish on stream callbacks, which would lose the request's async context.
  app.use(runInRequestAuditContext);
  app.useGlobalFilters(new ErrorFilter(new SecurityRefusals(app.get(DataSource))));
  const document = buildOpenApiDocument(app, { ...api, version: platformVersion() });
  // Before the routes: a method a documented path lacks is 405 with Allow, not Nest's 404.
  app.use(refuseUndocumentedMethod(document));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
