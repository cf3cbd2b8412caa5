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
var __metadata =
  (this && this.__metadata) ||
  ((k, v) => {
    if (typeof Reflect === 'object' && typeof Reflect.metadata === 'function') return Reflect.metadata(k, v);
  });
Object.defineProperty(exports, '__esModule', { value: true });
exports.ApiMetrics = exports.UNMATCHED_ROUTE = exports.API_METRICS = void 0;
// The API's Prometheus metrics (prom-client): HTTP requests by route and status, what the API did
// to checkouts, and Node's process metrics. One registry per app, so tests can run several apps.
const common_1 = require('@nestjs/common');
const prom_client_1 = require('prom-client');
/** Names as exported; dashboards and alerts depend on them: docs/metrics.md lists each one. */
exports.API_METRICS = {
  httpRequests: 'checkout_recovery_http_requests_total',
  httpDuration: 'checkout_recovery_http_request_duration_seconds',
  checkoutsStarted: 'checkout_recovery_checkouts_started_total',
  ordersRecorded: 'checkout_recovery_orders_recorded_total',
  activitySignals: 'checkout_recovery_activity_signals_total',
  unsubscribes: 'checkout_recovery_unsubscribes_total',
  resumeClicks: 'checkout_recovery_resume_clicks_total',
  linkRejections: 'checkout_recovery_link_rejections_total',
};
// API calls are a Temporal round trip: milliseconds, up to the 10 s of an update waiting for a worker.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** `route` is the matched route's pattern (`/checkouts/:id`), never the raw path: ids would explode the series. */
exports.UNMATCHED_ROUTE = 'unmatched';
let ApiMetrics = class ApiMetrics {
  registry = new prom_client_1.Registry();
  httpRequests = this.counter(exports.API_METRICS.httpRequests, 'HTTP requests answered', [
    'method',
    'route',
    'status',
  ]);
  httpDuration = new prom_client_1.Histogram({
    name: exports.API_METRICS.httpDuration,
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route', 'status'],
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  checkoutsStarted = this.counter(
    exports.API_METRICS.checkoutsStarted,
    'POST /checkouts (and the legacy route) by result: created a workflow, or found an existing one',
    ['result'],
  );
  ordersRecorded = this.counter(
    exports.API_METRICS.ordersRecorded,
    "Orders signalled, by the checkout's state afterwards",
    ['checkout_state'],
  );
  activitySignals = this.counter(exports.API_METRICS.activitySignals, 'Shopper activity signals sent');
  unsubscribes = this.counter(exports.API_METRICS.unsubscribes, 'Unsubscribes through a valid link, by result', [
    'result',
  ]);
  resumeClicks = this.counter(exports.API_METRICS.resumeClicks, "Valid resume links followed, by the reminder's step", [
    'step',
  ]);
  linkRejections = this.counter(
    exports.API_METRICS.linkRejections,
    'Links from emails refused (tampered, malformed, wrong purpose, expired, target outside SHOP_ORIGINS)',
    ['purpose', 'reason'],
  );
  constructor() {
    (0, prom_client_1.collectDefaultMetrics)({ register: this.registry });
  }
  httpRequest(method, route, status, seconds) {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }
  checkoutStarted(created) {
    this.checkoutsStarted.inc({ result: created ? 'created' : 'existing' });
  }
  orderRecorded(checkoutState) {
    this.ordersRecorded.inc({ checkout_state: checkoutState });
  }
  activitySignal() {
    this.activitySignals.inc();
  }
  unsubscribed(result) {
    this.unsubscribes.inc({ result });
  }
  resumeClicked(step) {
    this.resumeClicks.inc({ step: String(step) });
  }
  linkRejected(purpose, reason) {
    this.linkRejections.inc({ purpose, reason });
  }
  counter(name, help, labelNames = []) {
    return new prom_client_1.Counter({ name, help, labelNames, registers: [this.registry] });
  }
};
exports.ApiMetrics = ApiMetrics;
exports.ApiMetrics = ApiMetrics = __decorate(
  [(0, common_1.Injectable)(), __metadata('design:paramtypes', [])],
  ApiMetrics,
);
//# sourceMappingURL=api-metrics.js.map
