import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentIdempotencyKey } from '../idempotency/idempotency-openapi';

/**
 * OpenAPI of the service at /api/<service>/docs (UI) and /api/<service>/docs/openapi.json, built from its
 * controllers' routes. Public: it describes the API, it serves no data.
 */
export function serveApiDocs(app: INestApplication, service: string): void {
  const generated = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Tandem ${service} API`)
      .setDescription(
        `Routes of the ${service} service. Every route needs a bearer JWT whose tenant scopes all reads and writes.`,
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  const document = documentIdempotencyKey(generated);
  SwaggerModule.setup(`api/${service}/docs`, app, document, {
    jsonDocumentUrl: `api/${service}/docs/openapi.json`,
  });
}
