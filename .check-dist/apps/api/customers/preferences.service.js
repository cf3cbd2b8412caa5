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
exports.PreferencesService = void 0;
const common_1 = require('@nestjs/common');
const client_1 = require('@temporalio/client');
const customer_preferences_1 = require('../../../common/customer-preferences');
const messages_1 = require('../../../common/messages');
const invalid_fields_exception_1 = require('../validation/invalid-fields.exception');
const preference_store_token_1 = require('./preference-store.token');
const running_checkouts_1 = require('./running-checkouts');
/**
 * The customer's preferences: stored first (so later checkouts and every send see them), then
 * signalled to the customer's running checkouts, which re-plan or, on an opt-out, stop at once.
 */
let PreferencesService = class PreferencesService {
  client;
  store;
  logger = new common_1.Logger('Preferences');
  constructor(client, store) {
    this.client = client;
    this.store = store;
  }
  async get(customerId) {
    const stored = await this.requireStore().get(customerId);
    return stored ?? { customerId, ...customer_preferences_1.DEFAULT_PREFERENCES };
  }
  async put(customerId, body) {
    const errors = (0, customer_preferences_1.preferencesErrors)(body);
    if (errors.length > 0) throw new invalid_fields_exception_1.InvalidFieldsException(errors);
    const stored = await this.requireStore().put(customerId, (0, customer_preferences_1.toPreferences)(body));
    return {
      ...stored,
      checkoutsUpdated: await this.tellRunningCheckouts(customerId, (0, customer_preferences_1.preferencesOf)(stored)),
    };
  }
  /**
   * Opts the customer out of every recovery message. Without a store (no database) the running
   * checkouts still stop; later ones cannot know, which the boot log warns about.
   */
  async optOut(customerId, source, alsoWorkflowId) {
    // Already opted out: the running checkouts were told then, and every send re-reads the store
    // anyway. A repeated (or replayed) public link must not cost a visibility list and N signals.
    const before = await this.store?.get(customerId);
    if (before?.optedOut) return { ...before, customerId, checkoutsUpdated: 0 };
    const stored = this.store ? await this.store.optOut(customerId, source) : undefined;
    const preferences = stored ? (0, customer_preferences_1.preferencesOf)(stored) : { optedOut: true };
    const checkoutsUpdated = await this.tellRunningCheckouts(customerId, preferences, alsoWorkflowId);
    return { customerId, ...(stored ?? preferences), checkoutsUpdated };
  }
  /** What a new checkout starts with; undefined when none are stored or the store cannot say. */
  async forNewCheckout(customerId) {
    if (!this.store) return undefined;
    try {
      const stored = await this.store.get(customerId);
      return stored && (0, customer_preferences_1.preferencesOf)(stored);
    } catch (err) {
      // The checkout must not be lost over this: every send re-reads consent from the store anyway.
      this.logger.warn(`preferences of ${customerId} unreadable, starting without: ${String(err)}`);
      return undefined;
    }
  }
  /** `alsoWorkflowId`: a checkout known to be the customer's, told even if visibility lags. */
  async tellRunningCheckouts(customerId, preferences, alsoWorkflowId) {
    const workflowIds = new Set(alsoWorkflowId ? [alsoWorkflowId] : []);
    for await (const info of (0, running_checkouts_1.runningCheckoutsOf)(this.client, customerId))
      workflowIds.add(info.workflowId);
    const signals = [...workflowIds].map((workflowId) =>
      this.client.workflow
        .getHandle(workflowId)
        .signal(messages_1.preferencesSignal, { preferences })
        .then(() => true)
        .catch((err) => {
          if (err instanceof client_1.WorkflowNotFoundError) return false; // closed meanwhile: nothing to tell
          throw err;
        }),
    );
    return (await Promise.all(signals)).filter(Boolean).length;
  }
  requireStore() {
    if (!this.store) {
      throw new common_1.ServiceUnavailableException(
        'customer preferences need a database: set DATABASE_URL (npm start provides one embedded)',
      );
    }
    return this.store;
  }
};
exports.PreferencesService = PreferencesService;
exports.PreferencesService = PreferencesService = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(preference_store_token_1.PREFERENCE_STORE)),
    __metadata('design:paramtypes', [client_1.Client, Object]),
  ],
  PreferencesService,
);
//# sourceMappingURL=preferences.service.js.map
