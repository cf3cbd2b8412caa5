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
exports.ResumeService = void 0;
const node_crypto_1 = require('node:crypto');
const common_1 = require('@nestjs/common');
const shop_origin_1 = require('../../../common/shop-origin');
const event_recorder_1 = require('../analytics/event-recorder');
const app_config_token_1 = require('../app-config.token');
const api_metrics_1 = require('../metrics/api-metrics');
const link_pages_1 = require('./link-pages');
const link_verifier_1 = require('./link-verifier');
const isHttpUrl = (url) => /^https?:\/\//i.test(url);
/**
 * Verifies a resume link and answers with where to send the shopper: the checkout URL it was signed
 * with, so no Temporal call stands between a click and the shop.
 */
let ResumeService = class ResumeService {
  links;
  metrics;
  config;
  events;
  constructor(links, metrics, config, events) {
    this.links = links;
    this.metrics = metrics;
    this.config = config;
    this.events = events;
  }
  follow(token) {
    const verdict = this.links.verify(token, 'resume');
    if (!verdict.ok) {
      this.metrics.linkRejected('resume', verdict.reason);
      return (0, link_pages_1.rejectedLinkPage)('cart', verdict.reason);
    }
    const target = verdict.claims.target ?? '';
    // Signed by us from a validated URL; checked again because a redirect is an open door if wrong.
    if (!isHttpUrl(target)) {
      this.metrics.linkRejected('resume', 'malformed');
      return (0, link_pages_1.rejectedLinkPage)('cart', 'malformed');
    }
    // Links live for days: one signed before SHOP_ORIGINS dropped an origin must not still lead there.
    if (!(0, shop_origin_1.isShopUrl)(target, this.config.api.shopOrigins)) {
      this.metrics.linkRejected('resume', 'foreign-origin');
      return (0, link_pages_1.unknownShopPage)();
    }
    this.metrics.resumeClicked(verdict.claims.step);
    // Not awaited: nothing stands between a click and the shop; a click the analytics miss is logged.
    void this.recordClick(verdict.claims.checkoutId, verdict.claims.customerId, verdict.claims.step);
    return { redirectTo: target };
  }
  async recordClick(checkoutId, customerId, step) {
    const channel = await this.events.available?.sentChannel(checkoutId, step).catch(() => undefined);
    await this.events.recordBestEffort([
      {
        id: `${checkoutId}:click:${step}:${(0, node_crypto_1.randomUUID)()}`,
        checkoutId,
        customerId,
        at: new Date().toISOString(),
        type: 'link_clicked',
        step,
        ...(channel && { channel }),
      },
    ]);
  }
};
exports.ResumeService = ResumeService;
exports.ResumeService = ResumeService = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(2, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __metadata('design:paramtypes', [
      link_verifier_1.LinkVerifier,
      api_metrics_1.ApiMetrics,
      Object,
      event_recorder_1.EventRecorder,
    ]),
  ],
  ResumeService,
);
//# sourceMappingURL=resume.service.js.map
