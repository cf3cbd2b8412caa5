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
exports.EventRecorder = void 0;
const common_1 = require('@nestjs/common');
const with_timeout_1 = require('../../shared/with-timeout');
const event_store_token_1 = require('./event-store.token');
// A database that does not answer within this is down for the caller: 503, and the shop retries.
const WRITE_TIMEOUT_MS = 3_000;
/**
 * Writes what comes in through the API to the event stream. `record` answers 503 when it cannot
 * write (what the API cannot record it does not accept); `recordBestEffort` is for a shopper's
 * click or unsubscribe, which must work even when the analytics cannot see it. Without a database
 * the API records nothing (the analytics routes answer 503 then).
 */
let EventRecorder = class EventRecorder {
  store;
  logger = new common_1.Logger('Events');
  constructor(store) {
    this.store = store;
  }
  get available() {
    return this.store;
  }
  async record(events) {
    if (!this.store || events.length === 0) return;
    try {
      await (0, with_timeout_1.withTimeout)(this.store.append(events), WRITE_TIMEOUT_MS);
    } catch (err) {
      this.logger.error(`could not record ${events.map((e) => e.id).join(', ')}: ${String(err)}`);
      throw new common_1.ServiceUnavailableException('the event could not be recorded; nothing was accepted: retry');
    }
  }
  async recordBestEffort(events) {
    await this.record(events).catch(() => undefined); // logged by record
  }
};
exports.EventRecorder = EventRecorder;
exports.EventRecorder = EventRecorder = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(event_store_token_1.EVENT_STORE)),
    __metadata('design:paramtypes', [Object]),
  ],
  EventRecorder,
);
//# sourceMappingURL=event-recorder.js.map
