var __decorate =
  (this && this.__decorate) ||
  function (decorators, target, key, desc) {
    var c = arguments.length,
      r = c < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc,
      d;
    if (typeof Reflect === 'object' && typeof Reflect.decorate === 'function')
      r = Reflect.decorate(decorators, target, key, desc);
    else
      for (var i = decorators.length - 1; i >= 0; i--)
        if ((d = decorators[i])) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return (c > 3 && r && Object.defineProperty(target, key, r), r);
  };
Object.defineProperty(exports, '__esModule', { value: true });
exports.ApiModule = void 0;
exports.apiModule = apiModule;
const common_1 = require('@nestjs/common');
const core_1 = require('@nestjs/core');
const data_converter_1 = require('../../config/encryption/data-converter');
const analytics_controller_1 = require('./analytics/analytics.controller');
const analytics_service_1 = require('./analytics/analytics.service');
const event_recorder_1 = require('./analytics/event-recorder');
const event_store_token_1 = require('./analytics/event-store.token');
const app_config_token_1 = require('./app-config.token');
const checkout_stops_token_1 = require('./checkouts/checkout-stops.token');
const checkouts_controller_1 = require('./checkouts/checkouts.controller');
const checkouts_service_1 = require('./checkouts/checkouts.service');
const codec_controller_1 = require('./codec/codec.controller');
const codec_service_1 = require('./codec/codec.service');
const codec_audit_1 = require('./codec/codec-audit');
const codec_server_1 = require('./codec/codec-server');
const customer_checkouts_controller_1 = require('./customers/customer-checkouts.controller');
const customer_checkouts_service_1 = require('./customers/customer-checkouts.service');
const preference_store_token_1 = require('./customers/preference-store.token');
const preferences_controller_1 = require('./customers/preferences.controller');
const preferences_service_1 = require('./customers/preferences.service');
const dashboard_controller_1 = require('./dashboard/dashboard.controller');
const dashboard_service_1 = require('./dashboard/dashboard.service');
const health_controller_1 = require('./health/health.controller');
const health_service_1 = require('./health/health.service');
const api_exception_filter_1 = require('./http/api-exception.filter');
const api_key_guard_1 = require('./http/api-key.guard');
const legacy_controller_1 = require('./legacy/legacy.controller');
const legacy_service_1 = require('./legacy/legacy.service');
const link_verifier_1 = require('./links/link-verifier');
const resume_controller_1 = require('./links/resume.controller');
const resume_service_1 = require('./links/resume.service');
const api_metrics_1 = require('./metrics/api-metrics');
const metrics_server_1 = require('./metrics/metrics-server');
const orders_controller_1 = require('./orders/orders.controller');
const orders_service_1 = require('./orders/orders.service');
const temporal_client_module_1 = require('./temporal/temporal-client.module');
const unsubscribe_controller_1 = require('./unsubscribe/unsubscribe.controller');
const unsubscribe_service_1 = require('./unsubscribe/unsubscribe.service');
const api_validation_pipe_1 = require('./validation/api-validation.pipe');
const STORES_CLOSER = 'StoresCloser';
let ApiModule = class ApiModule {};
exports.ApiModule = ApiModule;
exports.ApiModule = ApiModule = __decorate([(0, common_1.Module)({})], ApiModule);
/** The API's root module around the caller's config and Temporal client. */
function apiModule({
  config,
  client,
  closeClientOnShutdown,
  legacyCheckoutUrl,
  preferences,
  stops,
  events,
  analytics,
  closeStores,
}) {
  return {
    module: ApiModule,
    imports: [(0, temporal_client_module_1.temporalClientModule)(client, closeClientOnShutdown)],
    controllers: [
      checkouts_controller_1.CheckoutsController,
      analytics_controller_1.TimelineController,
      analytics_controller_1.AnalyticsController,
      dashboard_controller_1.DashboardController,
      orders_controller_1.OrdersController,
      customer_checkouts_controller_1.CustomerCheckoutsController,
      preferences_controller_1.PreferencesController,
      health_controller_1.HealthController,
      unsubscribe_controller_1.UnsubscribeController,
      resume_controller_1.ResumeController,
      legacy_controller_1.LegacyController,
      codec_controller_1.CodecController,
    ],
    providers: [
      { provide: app_config_token_1.APP_CONFIG, useValue: config },
      { provide: legacy_service_1.LEGACY_CHECKOUT_URL, useValue: legacyCheckoutUrl },
      { provide: preference_store_token_1.PREFERENCE_STORE, useValue: preferences },
      { provide: checkout_stops_token_1.CHECKOUT_STOPS, useValue: stops },
      { provide: event_store_token_1.EVENT_STORE, useValue: events },
      { provide: event_store_token_1.ANALYTICS_STORE, useValue: analytics },
      // Nest calls the hook on every provider that has one at app.close() (SIGTERM with shutdown hooks).
      { provide: STORES_CLOSER, useValue: { onApplicationShutdown: () => closeStores?.() } },
      { provide: codec_service_1.PAYLOAD_CODECS, useValue: (0, data_converter_1.payloadCodecsFor)(config.encryption) },
      { provide: core_1.APP_PIPE, useClass: api_validation_pipe_1.ApiValidationPipe },
      { provide: core_1.APP_GUARD, useClass: api_key_guard_1.ApiKeyGuard },
      { provide: core_1.APP_FILTER, useClass: api_exception_filter_1.ApiExceptionFilter },
      event_recorder_1.EventRecorder,
      analytics_service_1.AnalyticsService,
      dashboard_service_1.DashboardService,
      checkouts_service_1.CheckoutsService,
      orders_service_1.OrdersService,
      customer_checkouts_service_1.CustomerCheckoutsService,
      preferences_service_1.PreferencesService,
      health_service_1.HealthService,
      unsubscribe_service_1.UnsubscribeService,
      link_verifier_1.LinkVerifier,
      resume_service_1.ResumeService,
      legacy_service_1.LegacyService,
      api_metrics_1.ApiMetrics,
      metrics_server_1.MetricsServer,
      codec_service_1.CodecService,
      codec_audit_1.CodecAudit,
      codec_server_1.CodecServer,
    ],
  };
}
//# sourceMappingURL=api.module.js.map
