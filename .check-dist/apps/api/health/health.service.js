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
exports.HealthService = exports.DATABASE_DOWN_REASON = exports.TEMPORAL_DOWN_REASON = exports.HEALTH_CACHE_MS = void 0;
const common_1 = require('@nestjs/common');
const client_1 = require('@temporalio/client');
const with_timeout_1 = require('../../shared/with-timeout');
const preference_store_token_1 = require('../customers/preference-store.token');
// A health probe must answer fast even when Temporal or the database hangs; 2 s is well above a
// healthy round trip.
const PROBE_TIMEOUT_MS = 2_000;
// /health is public: a flood of probes must not become a flood of Temporal calls. One round trip
// serves every probe for this long (load balancers probe every few seconds anyway).
exports.HEALTH_CACHE_MS = 2_000;
/** What a public caller learns when Temporal is down; the address and error go to the log only. */
exports.TEMPORAL_DOWN_REASON = 'temporal unreachable';
exports.DATABASE_DOWN_REASON = 'database unreachable';
let HealthService = class HealthService {
  client;
  store;
  logger = new common_1.Logger('Health');
  last;
  constructor(client, store) {
    this.client = client;
    this.store = store;
  }
  /**
   * Ready when Temporal answers its cheapest call (GetSystemInfo) and the database a `select 1`,
   * both in time; 503 with generic reasons otherwise.
   */
  async ready() {
    const now = Date.now();
    if (!this.last || now - this.last.at >= exports.HEALTH_CACHE_MS) this.last = { at: now, report: this.probe() };
    const report = await this.last.report;
    if (report.status === 'down') throw new common_1.ServiceUnavailableException(report);
    return report;
  }
  async probe() {
    const [temporal, database] = await Promise.all([this.probeTemporal(), this.probeDatabase()]);
    const status = temporal.status === 'up' && database.status !== 'down' ? 'ok' : 'down';
    return { status, temporal, database };
  }
  async probeTemporal() {
    const namespace = this.client.options.namespace;
    try {
      await this.client.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        this.client.workflowService.getSystemInfo({}),
      );
      return { status: 'up', namespace };
    } catch (err) {
      this.logger.warn(`Temporal health check failed: ${err instanceof Error ? err.message : String(err)}`);
      return { status: 'down', namespace, reason: exports.TEMPORAL_DOWN_REASON };
    }
  }
  async probeDatabase() {
    if (!this.store) return { status: 'none' };
    try {
      await (0, with_timeout_1.withTimeout)(this.store.ping(), PROBE_TIMEOUT_MS);
      return { status: 'up' };
    } catch (err) {
      this.logger.warn(`database health check failed: ${err instanceof Error ? err.message : String(err)}`);
      return { status: 'down', reason: exports.DATABASE_DOWN_REASON };
    }
  }
};
exports.HealthService = HealthService;
exports.HealthService = HealthService = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(preference_store_token_1.PREFERENCE_STORE)),
    __metadata('design:paramtypes', [client_1.Client, Object]),
  ],
  HealthService,
);
//# sourceMappingURL=health.service.js.map
