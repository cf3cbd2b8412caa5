var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_fs_1 = require('node:fs');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const discount_offer_1 = require('../../common/discount-offer');
const validate_checkout_1 = require('../../common/validate-checkout');
const validate_policy_1 = require('../../common/validate-policy');
const env_1 = require('../../config/env');
// The policy of the example in docs/recovery-policy.md (Offers and discount codes).
const POLICY = {
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
function checkout(total, tier, currency = 'EUR') {
  return {
    checkoutId: 'co-1',
    customer: { id: 'c-1', email: 'ada@example.com', ...(tier && { tier }) },
    cart: { currency, total, items: [] },
    checkoutUrl: 'https://shop.example.com/checkout/co-1',
  };
}
const policyWith = (discount) => ({ quietHours: null, defaultTimezone: 'UTC', discount });
(0, node_test_1.describe)('offerFor: which reminder offers what', () => {
  (0, node_test_1.test)('a cart under the threshold gets no offer', () => {
    strict_1.default.equal((0, discount_offer_1.offerFor)(POLICY, checkout(49.99), 'unknown', 3, 3), null);
  });
  (0, node_test_1.test)(
    'a cart at or above the threshold gets 10% on the last step, in the cart currency, with the amount cap',
    () => {
      strict_1.default.deepEqual((0, discount_offer_1.offerFor)(POLICY, checkout(50), 'unknown', 3, 3), {
        percent: 10,
        maxAmount: 50,
        currency: 'EUR',
      });
      strict_1.default.deepEqual(
        (0, discount_offer_1.offerFor)(POLICY, checkout(80, undefined, 'USD'), undefined, 3, 3)?.currency,
        'USD',
      );
    },
  );
  (0, node_test_1.test)(
    'no offer before the last step by default; fromStep moves the first step that may carry one',
    () => {
      strict_1.default.equal((0, discount_offer_1.offerFor)(POLICY, checkout(200), 'unknown', 1, 3), null);
      strict_1.default.equal((0, discount_offer_1.offerFor)(POLICY, checkout(200), 'unknown', 2, 3), null);
      const fromTwo = { ...POLICY, fromStep: 2 };
      strict_1.default.equal((0, discount_offer_1.offerFor)(fromTwo, checkout(200), 'unknown', 1, 3), null);
      strict_1.default.equal((0, discount_offer_1.offerFor)(fromTwo, checkout(200), 'unknown', 2, 3)?.percent, 10);
      strict_1.default.equal(
        (0, discount_offer_1.offerFor)({ ...POLICY, fromStep: 5 }, checkout(200), 'unknown', 3, 3),
        null,
        'schedule too short',
      );
    },
  );
  (0, node_test_1.test)(
    'the customer tier picks its own rule (case-insensitively); other tiers fall through to the next',
    () => {
      strict_1.default.equal(
        (0, discount_offer_1.offerFor)(POLICY, checkout(100, 'gold'), 'unknown', 3, 3)?.percent,
        15,
      );
      strict_1.default.equal(
        (0, discount_offer_1.offerFor)(POLICY, checkout(100, 'Gold'), 'unknown', 3, 3)?.percent,
        15,
      );
      strict_1.default.equal(
        (0, discount_offer_1.offerFor)(POLICY, checkout(100, 'silver'), 'unknown', 3, 3)?.percent,
        10,
      );
      strict_1.default.equal(
        (0, discount_offer_1.offerFor)(POLICY, checkout(20, 'gold'), 'unknown', 3, 3),
        null,
        'tier rule has a threshold too',
      );
    },
  );
  (0, node_test_1.test)('a shopper who left over the shipping cost gets free shipping, whatever the cart total', () => {
    strict_1.default.deepEqual((0, discount_offer_1.offerFor)(POLICY, checkout(12), 'shipping_cost', 3, 3), {
      freeShipping: true,
      currency: 'EUR',
    });
  });
  (0, node_test_1.test)('out of stock: a rule without an offer stops the search (no pressure then)', () => {
    strict_1.default.equal((0, discount_offer_1.offerFor)(POLICY, checkout(500), 'out_of_stock', 3, 3), null);
  });
  (0, node_test_1.test)(
    'maxPercent caps a rule that offers more; maxAmount caps what a percent or fixed offer takes off',
    () => {
      const generous = { ...POLICY, rules: [{ offer: { percent: 35 } }] };
      const offer = (0, discount_offer_1.offerFor)(generous, checkout(1000), 'unknown', 3, 3);
      strict_1.default.deepEqual(offer, { percent: 20, maxAmount: 50, currency: 'EUR' });
      strict_1.default.equal(
        offer && (0, discount_offer_1.percentOffValue)(offer, 1000),
        50,
        '20% of 1000 capped at 50',
      );
      strict_1.default.equal(offer && (0, discount_offer_1.percentOffValue)(offer, 100), 20);
      const fixed = { rules: [{ offer: { amount: 80 } }], maxAmount: 50 };
      strict_1.default.deepEqual((0, discount_offer_1.offerFor)(fixed, checkout(300), 'unknown', 3, 3), {
        amount: 50,
        currency: 'EUR',
      });
      strict_1.default.deepEqual(
        (0, discount_offer_1.offerFor)(fixed, checkout(30), 'unknown', 3, 3),
        { amount: 30, currency: 'EUR' },
        'never above the cart',
      );
    },
  );
  (0, node_test_1.test)('no policy, or no matching rule: no offer', () => {
    strict_1.default.equal((0, discount_offer_1.offerFor)(null, checkout(500), 'unknown', 3, 3), null);
    strict_1.default.equal((0, discount_offer_1.offerFor)(undefined, checkout(500), 'unknown', 3, 3), null);
    strict_1.default.equal(
      (0, discount_offer_1.offerFor)(
        { rules: [{ reason: 'coupon', offer: { percent: 5 } }] },
        checkout(500),
        'unknown',
        3,
        3,
      ),
      null,
    );
  });
  (0, node_test_1.test)('codes work for validFor, 72h unless the policy says otherwise', () => {
    strict_1.default.equal((0, discount_offer_1.offerValidForMs)(POLICY), 72 * 3_600_000);
    strict_1.default.equal((0, discount_offer_1.offerValidForMs)({ rules: [] }), 72 * 3_600_000);
    strict_1.default.equal((0, discount_offer_1.offerValidForMs)({ rules: [], validFor: '7d' }), 7 * 86_400_000);
  });
});
(0, node_test_1.describe)('discount policy validation', () => {
  (0, node_test_1.test)('the documented example and the shipped config/policy.json are valid', () => {
    strict_1.default.deepEqual((0, validate_policy_1.validatePolicy)(policyWith(POLICY)), []);
    const shipped = JSON.parse((0, node_fs_1.readFileSync)(env_1.DEFAULT_POLICY_FILE, 'utf8'));
    strict_1.default.deepEqual((0, validate_policy_1.validatePolicy)(shipped), []);
    strict_1.default.ok(shipped.discount?.rules.length > 0, 'the default policy makes offers');
  });
  (0, node_test_1.test)('null or absent means no discounts', () => {
    strict_1.default.deepEqual((0, validate_policy_1.validatePolicy)(policyWith(null)), []);
    strict_1.default.deepEqual((0, validate_policy_1.validatePolicy)({ quietHours: null, defaultTimezone: 'UTC' }), []);
  });
  (0, node_test_1.test)('every bad field is named with its path and the reason', () => {
    const errors = (0, validate_policy_1.validatePolicy)(
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
    strict_1.default.deepEqual(fields, [
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
    for (const e of errors) strict_1.default.ok(e.reason.length > 5, `${e.field} says why`);
  });
  (0, node_test_1.test)('rules must be a list', () => {
    strict_1.default.deepEqual(
      (0, validate_policy_1.validatePolicy)(policyWith({ rules: { percent: 10 } })).map((e) => e.field),
      ['policy.discount.rules'],
    );
    strict_1.default.deepEqual(
      (0, validate_policy_1.validatePolicy)(policyWith('10%')).map((e) => e.field),
      ['policy.discount'],
    );
  });
  (0, node_test_1.test)('the workflow input checks the policy and the customer tier too', () => {
    const input = {
      checkout: { ...checkout(10), customer: { id: 'c-1', email: 'ada@example.com', tier: '<gold>' } },
      schedule: [{ after: '30m', afterMs: 1_800_000, channel: 'email', template: 'friendly' }],
      policy: { quietHours: null, defaultTimezone: 'UTC', discount: { rules: [{ offer: { percent: 101 } }] } },
    };
    strict_1.default.deepEqual(
      (0, validate_checkout_1.validateRecoveryInput)(input).map((e) => e.field),
      ['customer.tier', 'policy.discount.rules[0].offer.percent'],
    );
  });
  (0, node_test_1.test)('DISCOUNT_OFFERS=off turns offers off; anything but on/off stops the start', () => {
    strict_1.default.equal((0, env_1.loadPolicy)({ DISCOUNT_OFFERS: 'off' }).discount, null);
    strict_1.default.ok((0, env_1.loadPolicy)({}).discount);
    strict_1.default.throws(() => (0, env_1.loadPolicy)({ DISCOUNT_OFFERS: 'maybe' }), /DISCOUNT_OFFERS/);
  });
  (0, node_test_1.test)('a policy file with a bad discount rule stops the start, naming the field', () => {
    const file = (0, node_path_1.join)((0, node_os_1.tmpdir)(), `policy-${process.pid}.json`);
    (0, node_fs_1.writeFileSync)(file, JSON.stringify(policyWith({ rules: [{ offer: { percent: -1 } }] })));
    strict_1.default.throws(
      () => (0, env_1.loadPolicy)({ RECOVERY_POLICY_FILE: file }),
      /policy\.discount\.rules\[0\]\.offer\.percent/,
    );
  });
});
//# sourceMappingURL=discount-offer.test.js.map
