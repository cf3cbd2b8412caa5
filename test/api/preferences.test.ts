// GET/PUT /customers/:id/preferences: validated at the edge, stored, and told to the customer's
// running checkouts (a real dev server; no worker, so the checkouts wait in their start delay).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EVENT_STORE } from '../../apps/api/analytics/event-store.token';
import { PREFERENCE_STORE } from '../../apps/api/customers/preference-store.token';
import type { CheckoutRecoveryInput } from '../../common/checkout';
import { preferencesSignal, workflowIdFor } from '../../common/messages';
import type { EventStore } from '../../storage/event-store';
import { consentFrom, type PreferenceStore } from '../../storage/preferences-store';
import { decodeRaw } from '../support/payload-keys';
import { call, checkoutBody, uniqueId, useApi } from './support/api-harness';

// The shop's quiet hours, which a customer without preferences of their own gets.
const SHOP_QUIET_HOURS = { start: '21:00', end: '08:00' };
const api = useApi({ QUIET_HOURS: `${SHOP_QUIET_HOURS.start}-${SHOP_QUIET_HOURS.end}` });

const prefsUrl = (customerId: string) => `${api.url}/customers/${customerId}/preferences`;

async function signalsNamed(checkoutId: string, name: string): Promise<number> {
  const history = await api.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
  return history.events?.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === name).length ?? 0;
}

async function startCheckoutOf(customerId: string): Promise<string> {
  const checkoutId = uniqueId('co');
  const body = checkoutBody(checkoutId, { customer: { id: customerId, email: 'ada@example.com' } });
  assert.equal((await call(`${api.url}/checkouts`, 'POST', body)).status, 202);
  return checkoutId;
}

async function startInputOf(checkoutId: string): Promise<CheckoutRecoveryInput> {
  const history = await api.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
  const [payload] = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
  assert.ok(payload, 'the checkout was started with an input');
  return decodeRaw<CheckoutRecoveryInput>(payload);
}

/** Visibility lags the start by a moment: wait until the customer's checkouts are listed. */
async function listed(customerId: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const res = await call(`${api.url}/customers/${customerId}/checkouts`, 'GET');
    if (res.status === 200 && res.body.length >= count) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${customerId}'s checkouts were not listed in time`);
}

describe('GET /customers/:id/preferences', () => {
  test('a customer who never set any gets the defaults: subscribed, every channel, the shop’s quiet hours', async () => {
    const customerId = uniqueId('cust');
    const res = await call(prefsUrl(customerId), 'GET');
    assert.equal(res.status, 200);
    // No channel list (every channel), no quiet hours or zone of their own (the shop's apply).
    assert.deepEqual(res.body, { customerId, optedOut: false });
    // What the sends read: every channel allowed.
    const consent = await consentFrom(api.app.get<PreferenceStore>(PREFERENCE_STORE))(customerId);
    assert.ok(!consent?.optedOut && consent?.channels === undefined, 'every channel is allowed');
    // What a new checkout plans with: nothing of the customer's, so the shop's quiet hours.
    const checkoutId = await startCheckoutOf(customerId);
    const input = await startInputOf(checkoutId);
    assert.equal(input.preferences, undefined);
    assert.deepEqual(input.policy?.quietHours, SHOP_QUIET_HOURS);
  });

  test('an invalid customer id is a 400 naming the parameter', async () => {
    const res = await call(`${api.url}/customers/${encodeURIComponent('bad id!')}/preferences`, 'GET');
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].field, 'customerId');
  });
});

describe('PUT /customers/:id/preferences', () => {
  test('stores channels, own quiet hours and zone; GET reads them back', async () => {
    const customerId = uniqueId('cust');
    const body = { channels: ['email'], quietHours: { start: '22:00', end: '07:00' }, timezone: 'America/Chicago' };
    const put = await call(prefsUrl(customerId), 'PUT', body);
    assert.equal(put.status, 200);
    assert.equal(put.body.checkoutsUpdated, 0);
    const got = await call(prefsUrl(customerId), 'GET');
    assert.deepEqual(
      { ...got.body, updatedAt: undefined },
      { customerId, optedOut: false, ...body, updatedAt: undefined },
    );
  });

  test('invalid preferences are a 400 naming every bad field, and nothing is stored', async () => {
    const customerId = uniqueId('cust');
    const res = await call(prefsUrl(customerId), 'PUT', {
      optedOut: 'yes',
      channels: ['email', 'fax'],
      quietHours: { start: '25:00', end: '07:00' },
      timezone: 'Mars/Olympus',
      colour: 'blue',
    });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors.map((e: { field: string }) => e.field).sort(), [
      'channels[1]',
      'colour',
      'optedOut',
      'quietHours.start',
      'timezone',
    ]);
    assert.deepEqual((await call(prefsUrl(customerId), 'GET')).body, { customerId, optedOut: false });
  });

  test('a body that is not an object is a 400', async () => {
    for (const body of ['[]', '"x"', 'null']) {
      const res = await call(prefsUrl(uniqueId('cust')), 'PUT', body);
      assert.equal(res.status, 400, body);
    }
  });

  test("an opt-out is told to every running checkout of that customer, and to no one else's", async () => {
    const customerId = uniqueId('cust');
    const other = uniqueId('cust');
    const mine = [await startCheckoutOf(customerId), await startCheckoutOf(customerId)];
    const theirs = await startCheckoutOf(other);
    await listed(customerId, 2);
    await listed(other, 1);
    const res = await call(prefsUrl(customerId), 'PUT', { optedOut: true });
    assert.equal(res.status, 200);
    assert.equal(res.body.optedOut, true);
    assert.equal(res.body.optOutSource, 'api');
    assert.equal(res.body.checkoutsUpdated, 2);
    for (const checkoutId of mine) assert.equal(await signalsNamed(checkoutId, preferencesSignal.name), 1);
    assert.equal(await signalsNamed(theirs, preferencesSignal.name), 0);
    // The analytics hear of it as of the unsubscribe link: an `unsubscribed` record per stopped checkout.
    const unsubscribed = async (checkoutId: string) =>
      (await api.app.get<EventStore>(EVENT_STORE).timeline(checkoutId)).filter((e) => e.type === 'unsubscribed');
    for (const checkoutId of mine)
      assert.deepEqual(
        (await unsubscribed(checkoutId)).map((e) => ({
          id: e.id,
          customerId: e.customerId,
          source: 'source' in e && e.source,
        })),
        [{ id: `${checkoutId}:unsubscribed`, customerId, source: 'api' }],
      );
    assert.deepEqual(await unsubscribed(theirs), []);
    // Saying it again changes nothing: no second record.
    await call(prefsUrl(customerId), 'PUT', { optedOut: true });
    assert.equal((await unsubscribed(mine[0] as string)).length, 1);
  });

  test('a checkout started after the opt-out carries it in its input', async () => {
    const customerId = uniqueId('cust');
    await call(prefsUrl(customerId), 'PUT', { optedOut: true });
    const input = await startInputOf(await startCheckoutOf(customerId));
    assert.deepEqual(input.preferences, { optedOut: true });
  });
});
