// The one set of rules for a checkout's state, which the workflow's handlers and the API's
// reader of a delayed checkout both apply (common/checkout-machine.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CheckoutRecoveryInput } from '../../common/checkout';
import {
  apply,
  type CheckoutMachine,
  type CheckoutMessage,
  start,
  statusOf,
  stopReason,
} from '../../common/checkout-machine';
import { resolveSchedule } from '../../common/schedule';

const T0 = Date.parse('2030-01-01T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const resolved = resolveSchedule([{ after: '30m' }, { after: '1d' }]);
if (!resolved.ok) throw new Error('schedule');
const INPUT: CheckoutRecoveryInput = {
  checkout: {
    checkoutId: 'co-1',
    customer: { id: 'c-1', email: 'ada@example.com' },
    cart: { currency: 'EUR', total: 10, items: [{ sku: 'S', name: 'Mug', quantity: 1, unitPrice: 10 }] },
    checkoutUrl: 'https://shop.example.com/c/co-1',
  },
  schedule: resolved.steps,
};
const fold = (messages: CheckoutMessage[], from: CheckoutMachine = start(INPUT, T0)) => messages.reduce(apply, from);

describe('checkout state machine', () => {
  test('activity before the first reminder moves the schedule; after it, nothing moves', () => {
    const moved = fold([{ type: 'activity', at: T0 + 10 * MINUTE, receivedAt: T0 + 11 * MINUTE }]);
    assert.equal(statusOf(moved).nextDueAt, new Date(T0 + 40 * MINUTE).toISOString());
    const record = { step: 1, channel: 'email', template: 'friendly', outcome: 'sent', at: '', dueAt: '' } as const;
    const afterFirst = fold([
      { type: 'reminderRecorded', record, advance: true },
      { type: 'activity', receivedAt: T0 + HOUR },
    ]);
    assert.equal(afterFirst.lastActivityAt, T0);
  });

  test('checkout events of unknown types or unreadable times are skipped, as another client may send anything', () => {
    const s = fold([
      {
        type: 'checkoutEvents',
        events: [
          { type: 'teleported', at: new Date(T0).toISOString() },
          { type: 'shipping_options_viewed', at: 'yesterday', shippingCost: 5 },
          null,
          { type: 'payment_failed', at: new Date(T0 + MINUTE).toISOString(), declineReason: 'card_declined' },
        ],
        receivedAt: T0 + 2 * MINUTE,
      },
    ]);
    assert.equal(s.progress.events, 1);
    assert.equal(statusOf(s).abandonReason, 'payment_failed');
    assert.equal(s.lastActivityAt, T0 + MINUTE);
  });

  test('a supersede without a usable `by` is ignored; the first usable one stops the checkout', () => {
    assert.equal(stopReason(fold([{ type: 'superseded', by: 42 }])), null);
    const s = fold([
      { type: 'superseded', by: 'co-2' },
      { type: 'superseded', by: 'co-3' },
    ]);
    assert.equal(stopReason(s), 'superseded');
    assert.equal(s.supersededBy, 'co-2');
  });

  test('the first order wins, counts the reminders sent before it, and freezes every other signal', () => {
    const s = fold([
      { type: 'ordered', orderId: 'o-1', receivedAt: T0 + MINUTE },
      { type: 'ordered', orderId: 'o-2', receivedAt: T0 + 2 * MINUTE },
      { type: 'preferences', preferences: { optedOut: true } },
      { type: 'superseded', by: 'co-2' },
      { type: 'activity', receivedAt: T0 + 3 * MINUTE },
    ]);
    assert.equal(s.order?.orderId, 'o-1');
    assert.equal(s.order?.afterStep, 0);
    assert.equal(stopReason(s), 'ordered');
    assert.equal(s.preferences, undefined);
    assert.equal(s.supersededBy, null);
  });

  test('an opt-out stops the schedule; a closed checkout plans nothing more', () => {
    const s = fold([{ type: 'preferences', preferences: { optedOut: true } }]);
    assert.equal(stopReason(s), 'unsubscribed');
    const closed = apply(s, { type: 'closed', phase: 'unsubscribed' });
    assert.deepEqual(statusOf(closed).upcoming, []);
    assert.equal(statusOf(closed).state, 'unsubscribed');
  });
});
