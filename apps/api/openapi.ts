import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SCHEME, BEARER_SCHEME } from './http/api-key.decorators';

export const DOCS_PATH = 'docs';

/** Swagger UI at /docs, the document at /docs-json. Served outside Nest's routes, so always public. */
export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('checkout-recovery')
      .setDescription(
        'Recovers abandoned checkouts: each checkout is a durable Temporal workflow that sends reminder ' +
          'emails on a schedule and stops when its order arrives. When the server runs with API_KEY, send it ' +
          'as `x-api-key` or `Authorization: Bearer`.',
      )
      .setVersion('1')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, API_KEY_SCHEME)
      .addBearerAuth({ type: 'http', scheme: 'bearer' }, BEARER_SCHEME)
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
}
