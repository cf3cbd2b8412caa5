var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// GET/PUT /customers/:id/preferences: validated at the edge, stored, and told to the customer's
// running checkouts (a real dev server; no worker, so the checkouts wait in their start delay).
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const preference_store_token_1 = require('../../apps/api/customers/preference-store.token');
const messages_1 = require('../../common/messages');
const preferences_store_1 = require('../../storage/preferences-store');
const payload_keys_1 = require('../support/payload-keys');
const api_harness_1 = require('./support/api-harness');
// The shop's quiet hours, which a customer without preferences of their own gets.
const SHOP_QUIET_HOURS = { start: '21:00', end: '08:00' };
const api = (0, api_harness_1.useApi)({ QUIET_HOURS: `${SHOP_QUIET_HOURS.start}-${SHOP_QUIET_HOURS.end}` });
const prefsUrl = (customerId) => `${api.url}/customers/${customerId}/preferences`;
async function signalsNamed(checkoutId, name) {
  const history = await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).fetchHistory();
  return history.events?.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === name).length ?? 0;
}
async function startCheckoutOf(customerId) {
  const checkoutId = (0, api_harness_1.uniqueId)('co');
  const body = (0, api_harness_1.checkoutBody)(checkoutId, { customer: { id: customerId, email: 'ada@example.com' } });
  strict_1.default.equal((await (0, api_harness_1.call)(`${api.url}/checkouts`, 'POST', body)).status, 202);
  return checkoutId;
}
async function startInputOf(checkoutId) {
  const history = await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).fetchHistory();
  const [payload] = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
  strict_1.default.ok(payload, 'the checkout was started with an input');
  return (0, payload_keys_1.decodeRaw)(payload);
}
/** Visibility lags the start by a moment: wait until the customer's checkouts are listed. */
async function listed(customerId, count) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const res = await (0, api_harness_1.call)(`${api.url}/customers/${customerId}/checkouts`, 'GET');
    if (res.status === 200 && res.body.length >= count) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${customerId}'s checkouts were not listed in time`);
}
(0, node_test_1.describe)('GET /customers/:id/preferences', () => {
  (0, node_test_1.test)(
    'a customer who never set any gets the defaults: subscribed, every channel, the shop’s quiet hours',
    async () => {
      const customerId = (0, api_harness_1.uniqueId)('cust');
      const res = await (0, api_harness_1.call)(prefsUrl(customerId), 'GET');
      strict_1.default.equal(res.status, 200);
      // No channel list (every channel), no quiet hours or zone of their own (the shop's apply).
      strict_1.default.deepEqual(res.body, { customerId, optedOut: false });
      // What the sends read: every channel allowed.
      const consent = await (0, preferences_store_1.consentFrom)(
        api.app.get(preference_store_token_1.PREFERENCE_STORE),
      )(customerId);
      strict_1.default.ok(!consent?.optedOut && consent?.channels === undefined, 'every channel is allowed');
      // What a new checkout plans with: nothing of the customer's, so the shop's quiet hours.
      const checkoutId = await startCheckoutOf(customerId);
      const input = await startInputOf(checkoutId);
      strict_1.default.equal(input.preferences, undefined);
      strict_1.default.deepEqual(input.policy?.quietHours, SHOP_QUIET_HOURS);
    },
  );
  (0, node_test_1.test)('an invalid customer id is a 400 naming the parameter', async () => {
    const res = await (0, api_harness_1.call)(
      `${api.url}/customers/${encodeURIComponent('bad id!')}/preferences`,
      'GET',
    );
    strict_1.default.equal(res.status, 400);
    strict_1.default.equal(res.body.errors[0].field, 'customerId');
  });
});
(0, node_test_1.describe)('PUT /customers/:id/preferences', () => {
  (0, node_test_1.test)('stores channels, own quiet hours and zone; GET reads them back', async () => {
    const customerId = (0, api_harness_1.uniqueId)('cust');
    const body = { channels: ['email'], quietHours: { start: '22:00', end: '07:00' }, timezone: 'America/Chicago' };
    const put = await (0, api_harness_1.call)(prefsUrl(customerId), 'PUT', body);
    strict_1.default.equal(put.status, 200);
    strict_1.default.equal(put.body.checkoutsUpdated, 0);
    const got = await (0, api_harness_1.call)(prefsUrl(customerId), 'GET');
    strict_1.default.deepEqual(
      { ...got.body, updatedAt: undefined },
      { customerId, optedOut: false, ...body, updatedAt: undefined },
    );
  });
  (0, node_test_1.test)('invalid preferences are a 400 naming every bad field, and nothing is stored', async () => {
    const customerId = (0, api_harness_1.uniqueId)('cust');
    const res = await (0, api_harness_1.call)(prefsUrl(customerId), 'PUT', {
      optedOut: 'yes',
      channels: ['email', 'fax'],
      quietHours: { start: '25:00', end: '07:00' },
      timezone: 'Mars/Olympus',
      colour: 'blue',
    });
    strict_1.default.equal(res.status, 400);
    strict_1.default.deepEqual(res.body.errors.map((e) => e.field).sort(), [
      'channels[1]',
      'colour',
      'optedOut',
      'quietHours.start',
      'timezone',
    ]);
    strict_1.default.deepEqual((await (0, api_harness_1.call)(prefsUrl(customerId), 'GET')).body, {
      customerId,
      optedOut: false,
    });
  });
  (0, node_test_1.test)('a body that is not an object is a 400', async () => {
    for (const body of ['[]', '"x"', 'null']) {
      const res = await (0, api_harness_1.call)(prefsUrl((0, api_harness_1.uniqueId)('cust')), 'PUT', body);
      strict_1.default.equal(res.status, 400, body);
    }
  });
  (0, node_test_1.test)(
    "an opt-out is told to every running checkout of that customer, and to no one else's",
    async () => {
      const customerId = (0, api_harness_1.uniqueId)('cust');
      const other = (0, api_harness_1.uniqueId)('cust');
      const mine = [await startCheckoutOf(customerId), await startCheckoutOf(customerId)];
      const theirs = await startCheckoutOf(other);
      await listed(customerId, 2);
      await listed(other, 1);
      const res = await (0, api_harness_1.call)(prefsUrl(customerId), 'PUT', { optedOut: true });
      strict_1.default.equal(res.status, 200);
      strict_1.default.equal(res.body.optedOut, true);
      strict_1.default.equal(res.body.optOutSource, 'api');
      strict_1.default.equal(res.body.checkoutsUpdated, 2);
      for (const checkoutId of mine)
        strict_1.default.equal(await signalsNamed(checkoutId, messages_1.preferencesSignal.name), 1);
      strict_1.default.equal(await signalsNamed(theirs, messages_1.preferencesSignal.name), 0);
    },
  );
  (0, node_test_1.test)('a checkout started after the opt-out carries it in its input', async () => {
    const customerId = (0, api_harness_1.uniqueId)('cust');
    await (0, api_harness_1.call)(prefsUrl(customerId), 'PUT', { optedOut: true });
    const input = await startInputOf(await startCheckoutOf(customerId));
    strict_1.default.deepEqual(input.preferences, { optedOut: true });
  });
});
//# sourceMappingURL=preferences.test.js.map
