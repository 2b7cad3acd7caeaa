import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorFilter } from './error-filter';

export interface HttpApiDescription {
  title: string;
  description: string;
  version: string;
}

/**
 * The HTTP conventions of every service: strict validation (unknown fields rejected), one error filter,
 * and the OpenAPI document at /api/docs (JSON at /api/docs-json).
 */
export function configureHttp(app: INestApplication, api: HttpApiDescription): void {
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
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(api.title).setDescription(api.description).setVersion(api.version).addBearerAuth().addSecurityRequirements('bearer').build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
