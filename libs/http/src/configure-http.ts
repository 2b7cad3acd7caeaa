import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { json, raw, text, type NextFunction, type Request, type Response } from 'express';
import { ErrorFilter, toErrorBody } from './error-filter';
import { buildOpenApiDocument } from './openapi';
import { assignRequestId, runInRequestAuditContext } from './request-id';

export interface HttpApiDescription {
  title: string;
  description: string;
  version: string;
}

/**
 * The HTTP conventions of every service: a request id (`X-Request-Id`, kept in the audit log), strict
 * validation (unknown fields rejected), one error filter, and the OpenAPI document at /api/docs (JSON at
 * /api/docs-json).
 */
export function configureHttp(app: INestApplication, api: HttpApiDescription): void {
  // Our own JSON parser (the app is created with bodyParser: false), so that a malformed or oversized
  // body gets the same error body as every other 4xx instead of Nest's bare message.
  app.use(assignRequestId);
  app.use(json({ limit: '1mb' }));
  // Documents uploaded as they are (playbooks in YAML or Markdown front matter, archives of them).
  app.use(text({ type: ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/markdown', 'text/plain'], limit: '5mb' }));
  app.use(raw({ type: ['application/zip', 'application/gzip', 'application/x-gzip', 'application/x-tar', 'application/octet-stream'], limit: '20mb' }));
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (!error) return next();
    const body = toErrorBody(error);
    response.status(body.statusCode).json(body);
  });
  // After the body parsers: they finish on stream callbacks, which would lose the request's async context.
  app.use(runInRequestAuditContext);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      validationError: { target: false, value: false },
    }),
  );
  app.useGlobalFilters(new ErrorFilter());
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app, api), { jsonDocumentUrl: 'api/docs-json' });
}
