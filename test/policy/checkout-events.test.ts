import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  abandonReason,
  applyEvent,
  type CheckoutEvent,
  type CheckoutProgress,
  inTimeOrder,
  NO_PROGRESS,
} from '../../common/checkout-events';

const fold = (events: CheckoutEvent[]): CheckoutProgress => inTimeOrder(events).reduce(applyEvent, NO_PROGRESS);
const at = (minute: number) => `2026-11-23T12:${String(minute).padStart(2, '0')}:00.000Z`;

describe('abandonment reason from the checkout journey', () => {
  test('leaving on the shipping options with a shipping cost reads as shipping_cost', () => {
    const p = fold([
      { type: 'contact_entered', at: at(1) },
      { type: 'address_entered', at: at(2), address: { country: 'DE', postalCode: '10115' } },
      { type: 'shipping_options_viewed', at: at(3), shippingCost: 6.9 },
    ]);
    assert.equal(abandonReason(p), 'shipping_cost');
    assert.equal(p.lastStep, 'shipping_options_viewed');
    assert.deepEqual(p.address, { country: 'DE', postalCode: '10115' });
  });

  test('free shipping is no reason to leave', () => {
    assert.equal(abandonReason(fold([{ type: 'shipping_options_viewed', at: at(1), shippingCost: 0 }])), 'unknown');
  });

  test('a failed payment keeps the chosen method for the retry link', () => {
    const p = fold([
      { type: 'payment_method_selected', at: at(1), paymentMethod: 'card' },
      { type: 'payment_failed', at: at(2), declineReason: 'insufficient_funds' },
    ]);
    assert.equal(abandonReason(p), 'payment_failed');
    assert.equal(p.paymentMethod, 'card');
    assert.equal(p.declineReason, 'insufficient_funds');
  });

  test('choosing a payment method again after a failure clears it', () => {
    const p = fold([
      { type: 'payment_failed', at: at(1), paymentMethod: 'card', declineReason: 'expired_card' },
      { type: 'payment_method_selected', at: at(2), paymentMethod: 'paypal' },
    ]);
    assert.equal(abandonReason(p), 'unknown');
    assert.equal(p.paymentMethod, 'paypal');
  });

  test('an item out of stock outweighs every other reason', () => {
    const p = fold([
      { type: 'item_out_of_stock', at: at(1), sku: 'SKU-1' },
      { type: 'payment_failed', at: at(2), declineReason: 'do_not_honor' },
    ]);
    assert.equal(abandonReason(p), 'out_of_stock');
    assert.deepEqual(p.outOfStock, ['SKU-1']);
  });

  test('a rejected coupon as the last blocker reads as coupon', () => {
    assert.equal(abandonReason(fold([{ type: 'coupon_rejected', at: at(1), couponCode: 'WELCOME10' }])), 'coupon');
  });

  test('a batch is applied in time order, whatever order it arrived in', () => {
    const p = fold([
      { type: 'payment_method_selected', at: at(5), paymentMethod: 'paypal' },
      { type: 'payment_failed', at: at(4), paymentMethod: 'card', declineReason: 'expired_card' },
    ]);
    assert.equal(abandonReason(p), 'unknown', 'the later selection clears the earlier failure');
    assert.equal(p.lastStep, 'payment_method_selected');
  });

  test('a custom event names its own step', () => {
    assert.equal(fold([{ type: 'custom', at: at(1), name: 'gift_wrap_chosen' }]).lastStep, 'gift_wrap_chosen');
  });
});
