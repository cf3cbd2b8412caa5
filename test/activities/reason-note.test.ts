import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reasonNote, resumeTarget } from '../../activities/templates/reason-note';
import { NO_PROGRESS } from '../../common/checkout-events';
import { sampleCheckout } from './fixtures';

describe('what a reminder says about the abandonment reason', () => {
  const checkout = sampleCheckout();

  test('shipping cost: names the cost in the customer’s format and points at cheaper delivery', () => {
    const note = reasonNote(checkout, 'shipping_cost', { ...NO_PROGRESS, shippingCost: 6.9 });
    assert.match(note?.text ?? '', /Versand 6,90\s€ zu deiner Bestellung/, 'a de-DE shopper reads German');
    assert.match(note?.text ?? '', /Eine langsamere kostet vielleicht weniger/);
    const en = { ...checkout, customer: { ...checkout.customer, locale: 'en-GB' } };
    const english = reasonNote(en, 'shipping_cost', { ...NO_PROGRESS, shippingCost: 6.9 });
    assert.match(english?.text ?? '', /shipping added €6\.90 to your order\. .*slower one may cost less/);
  });

  test('a rejected coupon is named', () => {
    assert.match(
      reasonNote(checkout, 'coupon', { ...NO_PROGRESS, couponRejected: 'WELCOME10' })?.text ?? '',
      /WELCOME10/,
    );
  });

  test('unknown or no reason: no note, and the resume link is the checkout URL as given', () => {
    assert.equal(reasonNote(checkout, 'unknown', NO_PROGRESS), undefined);
    assert.equal(reasonNote(checkout, undefined, undefined), undefined);
    assert.equal(
      resumeTarget('https://shop.example.com/c/1?x=1', 'shipping_cost', NO_PROGRESS),
      'https://shop.example.com/c/1?x=1',
    );
  });

  test('a failed payment resumes at payment, keeping the shop’s own query', () => {
    const target = new URL(
      resumeTarget('https://shop.example.com/c/1?x=1', 'payment_failed', { ...NO_PROGRESS, paymentMethod: 'card' }),
    );
    assert.equal(target.searchParams.get('x'), '1');
    assert.equal(target.searchParams.get('retry_payment'), '1');
    assert.equal(target.searchParams.get('payment_method'), 'card');
  });
});
