import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Checkout } from '../../common/checkout';
import { type DiscountPolicy, offerFor, offerValidForMs, percentOffValue } from '../../common/discount-offer';
import { validateRecoveryInput } from '../../common/validate-checkout';
import { validatePolicy } from '../../common/validate-policy';
import { DEFAULT_POLICY_FILE, loadPolicy } from '../../config/env';

// The policy of the example in docs/recovery-policy.md (Offers and discount codes).
const POLICY: DiscountPolicy = {
  fromStep: 'last',
  validFor: '72h',
  rules: [
    { reason: 'out_of_stock', offer: null },
    { reason: 'shipping_cost', offer: { freeShipping: true } },
    { minCartTotal: 50, tiers: ['gold'], offer: { percent: 15 } },
    { minCartTotal: 50, offer: { percent: 10 } },
  ],
  maxPercent: 20,
  maxAmount: 50,
};

function checkout(total: number, tier?: string, currency = 'EUR'): Checkout {
  return {
    checkoutId: 'co-1',
    customer: { id: 'c-1', email: 'ada@example.com', ...(tier && { tier }) },
    cart: { currency, total, items: [] },
    checkoutUrl: 'https://shop.example.com/checkout/co-1',
  };
}

const policyWith = (discount: unknown) => ({ quietHours: null, defaultTimezone: 'UTC', discount });

describe('offerFor: which reminder offers what', () => {
  test('a cart under the threshold gets no offer', () => {
    assert.equal(offerFor(POLICY, checkout(49.99), 'unknown', 3, 3), null);
  });

  test('a cart at or above the threshold gets 10% on the last step, in the cart currency, with the amount cap', () => {
    assert.deepEqual(offerFor(POLICY, checkout(50), 'unknown', 3, 3), { percent: 10, maxAmount: 50, currency: 'EUR' });
    assert.deepEqual(offerFor(POLICY, checkout(80, undefined, 'USD'), undefined, 3, 3)?.currency, 'USD');
  });

  test('no offer before the last step by default; fromStep moves the first step that may carry one', () => {
    assert.equal(offerFor(POLICY, checkout(200), 'unknown', 1, 3), null);
    assert.equal(offerFor(POLICY, checkout(200), 'unknown', 2, 3), null);
    const fromTwo = { ...POLICY, fromStep: 2 };
    assert.equal(offerFor(fromTwo, checkout(200), 'unknown', 1, 3), null);
    assert.equal(offerFor(fromTwo, checkout(200), 'unknown', 2, 3)?.percent, 10);
    assert.equal(offerFor({ ...POLICY, fromStep: 5 }, checkout(200), 'unknown', 3, 3), null, 'schedule too short');
  });

  test('the customer tier picks its own rule (case-insensitively); other tiers fall through to the next', () => {
    assert.equal(offerFor(POLICY, checkout(100, 'gold'), 'unknown', 3, 3)?.percent, 15);
    assert.equal(offerFor(POLICY, checkout(100, 'Gold'), 'unknown', 3, 3)?.percent, 15);
    assert.equal(offerFor(POLICY, checkout(100, 'silver'), 'unknown', 3, 3)?.percent, 10);
    assert.equal(offerFor(POLICY, checkout(20, 'gold'), 'unknown', 3, 3), null, 'tier rule has a threshold too');
  });

  test('a shopper who left over the shipping cost gets free shipping, whatever the cart total', () => {
    assert.deepEqual(offerFor(POLICY, checkout(12), 'shipping_cost', 3, 3), { freeShipping: true, currency: 'EUR' });
  });

  test('out of stock: a rule without an offer stops the search (no pressure then)', () => {
    assert.equal(offerFor(POLICY, checkout(500), 'out_of_stock', 3, 3), null);
  });

  test('maxPercent caps a rule that offers more; maxAmount caps what a percent or fixed offer takes off', () => {
    const generous: DiscountPolicy = { ...POLICY, rules: [{ offer: { percent: 35 } }] };
    const offer = offerFor(generous, checkout(1000), 'unknown', 3, 3);
    assert.deepEqual(offer, { percent: 20, maxAmount: 50, currency: 'EUR' });
    assert.equal(offer && percentOffValue(offer, 1000), 50, '20% of 1000 capped at 50');
    assert.equal(offer && percentOffValue(offer, 100), 20);
    const fixed: DiscountPolicy = { rules: [{ offer: { amount: 80 } }], maxAmount: 50 };
    assert.deepEqual(offerFor(fixed, checkout(300), 'unknown', 3, 3), { amount: 50, currency: 'EUR' });
    assert.deepEqual(
      offerFor(fixed, checkout(30), 'unknown', 3, 3),
      { amount: 30, currency: 'EUR' },
      'never above the cart',
    );
  });

  test('no policy, or no matching rule: no offer', () => {
    assert.equal(offerFor(null, checkout(500), 'unknown', 3, 3), null);
    assert.equal(offerFor(undefined, checkout(500), 'unknown', 3, 3), null);
    assert.equal(
      offerFor({ rules: [{ reason: 'coupon', offer: { percent: 5 } }] }, checkout(500), 'unknown', 3, 3),
      null,
    );
  });

  test('codes work for validFor, 72h unless the policy says otherwise', () => {
    assert.equal(offerValidForMs(POLICY), 72 * 3_600_000);
    assert.equal(offerValidForMs({ rules: [] }), 72 * 3_600_000);
    assert.equal(offerValidForMs({ rules: [], validFor: '7d' }), 7 * 86_400_000);
  });
});

describe('discount policy validation', () => {
  test('the documented example and the shipped config/policy.json are valid', () => {
    assert.deepEqual(validatePolicy(policyWith(POLICY)), []);
    const shipped = JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8'));
    assert.deepEqual(validatePolicy(shipped), []);
    assert.ok(shipped.discount?.rules.length > 0, 'the default policy makes offers');
  });

  test('null or absent means no discounts', () => {
    assert.deepEqual(validatePolicy(policyWith(null)), []);
    assert.deepEqual(validatePolicy({ quietHours: null, defaultTimezone: 'UTC' }), []);
  });

  test('every bad field is named with its path and the reason', () => {
    const errors = validatePolicy(
      policyWith({
        fromStep: 0,
        validFor: '10m',
        maxPercent: 150,
        maxAmount: -5,
        rules: [
          { reason: 'bored', offer: { percent: 10 } },
          { minCartTotal: 100, maxCartTotal: 50, offer: { percent: 0 } },
          { tiers: [], offer: { percent: 10, freeShipping: true } },
          { currency: 'eur', offer: { freeShipping: 'yes' } },
          { minCartTotal: 50 },
          'nope',
        ],
      }),
    );
    const fields = errors.map((e) => e.field);
    assert.deepEqual(fields, [
      'policy.discount.fromStep',
      'policy.discount.validFor',
      'policy.discount.maxPercent',
      'policy.discount.maxAmount',
      'policy.discount.rules[0].reason',
      'policy.discount.rules[1].maxCartTotal',
      'policy.discount.rules[1].offer.percent',
      'policy.discount.rules[2].tiers',
      'policy.discount.rules[2].offer',
      'policy.discount.rules[3].currency',
      'policy.discount.rules[3].offer.freeShipping',
      'policy.discount.rules[4].offer',
      'policy.discount.rules[5]',
    ]);
    for (const e of errors) assert.ok(e.reason.length > 5, `${e.field} says why`);
  });

  test('rules must be a list', () => {
    assert.deepEqual(
      validatePolicy(policyWith({ rules: { percent: 10 } })).map((e) => e.field),
      ['policy.discount.rules'],
    );
    assert.deepEqual(
      validatePolicy(policyWith('10%')).map((e) => e.field),
      ['policy.discount'],
    );
  });

  test('the workflow input checks the policy and the customer tier too', () => {
    const input = {
      checkout: { ...checkout(10), customer: { id: 'c-1', email: 'ada@example.com', tier: '<gold>' } },
      schedule: [{ after: '30m', afterMs: 1_800_000, channel: 'email' as const, template: 'friendly' as const }],
      policy: { quietHours: null, defaultTimezone: 'UTC', discount: { rules: [{ offer: { percent: 101 } }] } },
    };
    assert.deepEqual(
      validateRecoveryInput(input).map((e) => e.field),
      ['customer.tier', 'policy.discount.rules[0].offer.percent'],
    );
  });

  test('DISCOUNT_OFFERS=off turns offers off; anything but on/off stops the start', () => {
    assert.equal(loadPolicy({ DISCOUNT_OFFERS: 'off' }).discount, null);
    assert.ok(loadPolicy({}).discount);
    assert.throws(() => loadPolicy({ DISCOUNT_OFFERS: 'maybe' }), /DISCOUNT_OFFERS/);
  });

  test('a policy file with a bad discount rule stops the start, naming the field', () => {
    const file = join(tmpdir(), `policy-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(policyWith({ rules: [{ offer: { percent: -1 } }] })));
    assert.throws(() => loadPolicy({ RECOVERY_POLICY_FILE: file }), /policy\.discount\.rules\[0\]\.offer\.percent/);
  });
});
