Object.defineProperty(exports, '__esModule', { value: true });
exports.createApiApp = createApiApp;
const common_1 = require('@nestjs/common');
const core_1 = require('@nestjs/core');
const api_edge_1 = require('../../config/api-edge');
const api_module_1 = require('./api.module');
const codec_cors_1 = require('./codec/codec-cors');
const codec_server_1 = require('./codec/codec-server');
const correlation_id_1 = require('./http/correlation-id');
const json_body_1 = require('./http/json-body');
const method_not_allowed_1 = require('./http/method-not-allowed');
const rate_limit_middleware_1 = require('./http/rate-limit.middleware');
const security_headers_1 = require('./http/security-headers');
const api_metrics_1 = require('./metrics/api-metrics');
const http_metrics_middleware_1 = require('./metrics/http-metrics.middleware');
const openapi_1 = require('./openapi');
/**
 * Builds the HTTP API around a Temporal client, initialised but not listening: main.ts listens on
 * the configured address, end-to-end tests on port 0.
 */
async function createApiApp(config, client, options = {}) {
  (0, api_edge_1.checkApiEdge)(config); // every way of building the API refuses to run open outside development
  const app = await core_1.NestFactory.create(
    (0, api_module_1.apiModule)({
      config,
      client,
      closeClientOnShutdown: options.closeClientOnShutdown ?? false,
      legacyCheckoutUrl: config.api.legacyCheckoutUrl,
      preferences: options.preferences ?? null,
      stops: options.stops ?? null,
      events: options.events ?? null,
      analytics: options.analytics ?? null,
      ...(options.closeStores && { closeStores: options.closeStores }),
    }),
    { bodyParser: false, logger: options.logger ?? new common_1.Logger() },
  );
  // First, so every request is timed, counted and given its correlation id, also those a body parser or the guard refuses.
  app.use((0, correlation_id_1.correlationIdMiddleware)());
  app.use((0, http_metrics_middleware_1.httpMetricsMiddleware)(app.get(api_metrics_1.ApiMetrics)));
  (0, security_headers_1.useSecurityHeaders)(app);
  app.use(app.get(codec_server_1.CodecServer).codecListenerOnly());
  app.use('/codec', (0, codec_cors_1.codecCors)(config.api.codecCorsOrigins));
  // The client address behind a load balancer (TRUST_PROXY), for the limits right after.
  app.set('trust proxy', config.api.rateLimits.trustProxy);
  // Before the body is read: a refused request costs no parsing.
  app.use((0, rate_limit_middleware_1.rateLimitMiddleware)(config.api.rateLimits));
  // Before the guard and the body parsers: a method the path does not have is 405 whoever asks.
  app.use((0, method_not_allowed_1.methodNotAllowedMiddleware)(app.getHttpAdapter().getInstance()));
  (0, json_body_1.useBodyParsers)(app);
  (0, openapi_1.setupOpenApi)(app, config);
  await app.init();
  return app;
}
//# sourceMappingURL=create-api-app.js.map
