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
var __param =
  (this && this.__param) ||
  ((paramIndex, decorator) => (target, key) => {
    decorator(target, key, paramIndex);
  });
Object.defineProperty(exports, '__esModule', { value: true });
exports.MetricsServer = void 0;
const node_http_1 = require('node:http');
const common_1 = require('@nestjs/common');
const app_config_token_1 = require('../app-config.token');
const side_listener_1 = require('../http/side-listener');
const api_metrics_1 = require('./api-metrics');
/**
 * Serves GET /metrics on API_METRICS_ADDRESS, a listener of its own apart from the public port:
 * the public port carries the links in emails, so it faces the internet, while metrics are for
 * Prometheus on the internal network and need no key there. Not set: no endpoint.
 */
let MetricsServer = class MetricsServer extends side_listener_1.SideListener {
  metrics;
  config;
  logger = new common_1.Logger('Metrics');
  constructor(metrics, config) {
    super();
    this.metrics = metrics;
    this.config = config;
  }
  /** http://host:port/metrics once listening (the bound port when configured as 0); undefined when off. */
  get url() {
    const base = (0, side_listener_1.baseUrlOf)(this.server);
    return base && `${base}/metrics`;
  }
  async onApplicationBootstrap() {
    const configured = this.config.metrics.apiAddress;
    if (!configured) return;
    const server = (0, node_http_1.createServer)((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('GET /metrics\n');
        return;
      }
      this.metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(text),
        (err) => {
          this.logger.error('collecting metrics failed', err instanceof Error ? err.stack : String(err));
          res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
        },
      );
    });
    await (0, side_listener_1.listenOn)(server, configured, 'API_METRICS_ADDRESS', 'API metrics');
    this.server = server;
  }
};
exports.MetricsServer = MetricsServer;
exports.MetricsServer = MetricsServer = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __metadata('design:paramtypes', [api_metrics_1.ApiMetrics, Object]),
  ],
  MetricsServer,
);
//# sourceMappingURL=metrics-server.js.map
