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
exports.UnsubscribeService = void 0;
const common_1 = require('@nestjs/common');
const messages_1 = require('../../../common/messages');
const event_recorder_1 = require('../analytics/event-recorder');
const preferences_service_1 = require('../customers/preferences.service');
const link_pages_1 = require('../links/link-pages');
const link_verifier_1 = require('../links/link-verifier');
const api_metrics_1 = require('../metrics/api-metrics');
const unsubscribe_pages_1 = require('./unsubscribe-pages');
/**
 * Unsubscribe through the signed links in reminders: only the holder of a genuine, unexpired link
 * can opt its customer out. The opt-out is stored (every later checkout and every send honour it)
 * and the customer's running checkouts stop at once. Shoppers see HTML, never JSON or a stack trace.
 */
let UnsubscribeService = class UnsubscribeService {
  preferences;
  links;
  metrics;
  events;
  logger = new common_1.Logger('Unsubscribe');
  constructor(preferences, links, metrics, events) {
    this.preferences = preferences;
    this.links = links;
    this.metrics = metrics;
    this.events = events;
  }
  confirmation(token) {
    const verdict = this.verify(token);
    return verdict.ok
      ? (0, unsubscribe_pages_1.confirmPage)(token)
      : (0, link_pages_1.rejectedLinkPage)('unsubscribe', verdict.reason);
  }
  async unsubscribe(token) {
    const verdict = this.verify(token);
    if (!verdict.ok) return (0, link_pages_1.rejectedLinkPage)('unsubscribe', verdict.reason);
    const { checkoutId, customerId } = verdict.claims;
    try {
      // The checkout in the link is told directly too: visibility may not list it yet.
      const { checkoutsUpdated = 0 } = await this.preferences.optOut(
        customerId,
        'link',
        (0, messages_1.workflowIdFor)(checkoutId),
      );
      this.metrics.unsubscribed(checkoutsUpdated > 0 ? 'stopped' : 'none_running');
      // The opt-out is stored; the analytics' record of it must not undo the shopper's answer.
      await this.events.recordBestEffort([
        {
          id: `${checkoutId}:unsubscribed`,
          checkoutId,
          customerId,
          at: new Date().toISOString(),
          type: 'unsubscribed',
          source: 'link',
        },
      ]);
    } catch (err) {
      this.logger.error(`unsubscribe of customer ${customerId} failed`, err instanceof Error ? err.stack : err);
      return (0, unsubscribe_pages_1.errorPage)();
    }
    return (0, unsubscribe_pages_1.donePage)();
  }
  verify(token) {
    const verdict = this.links.verify(token, 'unsubscribe');
    if (!verdict.ok) this.metrics.linkRejected('unsubscribe', verdict.reason);
    return verdict;
  }
};
exports.UnsubscribeService = UnsubscribeService;
exports.UnsubscribeService = UnsubscribeService = __decorate(
  [
    (0, common_1.Injectable)(),
    __metadata('design:paramtypes', [
      preferences_service_1.PreferencesService,
      link_verifier_1.LinkVerifier,
      api_metrics_1.ApiMetrics,
      event_recorder_1.EventRecorder,
    ]),
  ],
  UnsubscribeService,
);
//# sourceMappingURL=unsubscribe.service.js.map
