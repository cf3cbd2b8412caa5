Object.defineProperty(exports, '__esModule', { value: true });
exports.DOCS_PATH = void 0;
exports.buildOpenApiDocument = buildOpenApiDocument;
exports.setupOpenApi = setupOpenApi;
const swagger_1 = require('@nestjs/swagger');
const create_checkout_dto_1 = require('./checkouts/dto/create-checkout.dto');
const api_key_decorators_1 = require('./http/api-key.decorators');
const error_body_1 = require('./http/error-body');
const schema_extras_1 = require('./http/schema-extras');
exports.DOCS_PATH = 'docs';
const ERROR_SCHEMA = error_body_1.ErrorBody.name;
const errorRef = { $ref: `#/components/schemas/${ERROR_SCHEMA}` };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
/** The statuses any route may answer besides its own, and when. */
const COMMON_ERRORS = [
  {
    status: '400',
    description: 'Invalid input; `errors` names each field',
    applies: (op) => Boolean(op.requestBody) || (op.parameters?.length ?? 0) > 0,
  },
  { status: '413', description: 'The request body is too large', applies: (op) => Boolean(op.requestBody) },
  { status: '415', description: 'The request body is not application/json', applies: (op) => Boolean(op.requestBody) },
  { status: '429', description: 'Over the rate limit; `Retry-After` says when to retry', applies: () => true },
  { status: '500', description: 'Internal error; `correlationId` finds it in the logs', applies: () => true },
  { status: '503', description: 'Temporal or the database is unavailable; try again later', applies: () => true },
];
const isRef = (s) => '$ref' in s;
/**
 * The global ValidationPipe (forbidNonWhitelisted) and preferencesErrors refuse unknown fields:
 * every object schema a request body reaches is closed (`additionalProperties: false`).
 */
function closeRequestSchemas(document) {
  const schemas = document.components?.schemas ?? {};
  const seen = new Set();
  // `close`: a schema of the body's values; a part of a condition (anyOf…) only constrains them.
  const visit = (schema, close = true) => {
    if (!schema) return;
    if (isRef(schema)) {
      const name = schema.$ref.split('/').pop() ?? '';
      if (seen.has(name)) return;
      seen.add(name);
      visit(schemas[name]);
      return;
    }
    if (close && schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
    for (const property of Object.values(schema.properties ?? {})) visit(property, close);
    if (schema.items) visit(schema.items, close);
    for (const part of schema.oneOf ?? []) visit(part, close);
    for (const part of [...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) visit(part, false);
  };
  for (const operation of operations(document)) {
    const body = operation.requestBody;
    if (!body || '$ref' in body) continue;
    for (const media of Object.values(body.content)) visit(media.schema);
  }
}
/** Every error status a route can answer, each with the one error body (unless the route states its own). */
function documentErrorResponses(document) {
  for (const operation of operations(document)) {
    const responses = operation.responses;
    if (operation.security?.length) {
      responses['401'] ??= { description: 'API_KEY is set and the request lacks it' };
    }
    for (const { status, description, applies } of COMMON_ERRORS) {
      if (applies(operation)) responses[status] ??= { description };
    }
    for (const [status, response] of Object.entries(responses)) {
      if (Number(status) >= 400 && !response.content) {
        response.content = { 'application/json': { schema: errorRef } };
      }
    }
  }
}
function* operations(document) {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation) yield operation;
    }
  }
}
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** POST /checkouts refuses a checkoutUrl off SHOP_ORIGINS (checkouts.service.ts): the document says which. */
function documentShopOrigins(document, shopOrigins) {
  const schema = document.components?.schemas?.[create_checkout_dto_1.CreateCheckoutDto.name];
  const url = schema && !isRef(schema) ? schema.properties?.checkoutUrl : undefined;
  if (!url || isRef(url) || shopOrigins.length === 0) return;
  url.pattern = `^(?:${shopOrigins.map(escapeRegExp).join('|')})(?:[/?#]|$)`;
  url.description = `On one of the shop's origins (SHOP_ORIGINS): ${shopOrigins.join(', ')}`;
}
/** The OpenAPI document of the public port, from the controllers' and DTOs' decorators and the config. */
function buildOpenApiDocument(app, config) {
  const document = swagger_1.SwaggerModule.createDocument(
    app,
    new swagger_1.DocumentBuilder()
      .setTitle('checkout-recovery')
      .setDescription(
        'Recovers abandoned checkouts: each checkout is a durable Temporal workflow that sends reminder ' +
          'emails on a schedule and stops when its order arrives. When the server runs with API_KEY, send it ' +
          'as `x-api-key` or `Authorization: Bearer`. Every error answers with `{ statusCode, message, ' +
          'errors?: [{ field, reason }], correlationId }`; a method a path does not have answers 405 with `Allow`.',
      )
      .setVersion('1')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, api_key_decorators_1.API_KEY_SCHEME)
      .addBearerAuth({ type: 'http', scheme: 'bearer' }, api_key_decorators_1.BEARER_SCHEME)
      .build(),
    { extraModels: [error_body_1.ErrorBody] },
  );
  for (const [name, extra] of (0, schema_extras_1.schemaExtras)()) {
    const schema = document.components?.schemas?.[name];
    if (schema && !isRef(schema)) Object.assign(schema, extra);
  }
  documentShopOrigins(document, config.api.shopOrigins);
  closeRequestSchemas(document);
  documentErrorResponses(document);
  return document;
}
/** Swagger UI at /docs, the document at /docs-json. Served outside Nest's routes, so always public. */
function setupOpenApi(app, config) {
  swagger_1.SwaggerModule.setup(exports.DOCS_PATH, app, buildOpenApiDocument(app, config), {
    jsonDocumentUrl: `${exports.DOCS_PATH}-json`,
  });
}
//# sourceMappingURL=openapi.js.map
