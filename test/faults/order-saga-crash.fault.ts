// Scenario: the worker process dies (SIGKILL) while two order sagas are between authorise and
// capture: each capture request is held at a proxy in front of localstripe, so the kill lands there.
// One held capture then reaches Stripe after all (the provider captured, nobody heard), the other
// never does. A new worker takes over: both orders complete once each, counted at localstripe.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { orderWorkflowId } from '../../common/order-placement';
import { checkoutBody, uniqueId } from '../api/support/api-harness';
import { type LocalStripe, startTestStripe, stripeEnv } from '../support/local-stripe';
import { createTestDatabase } from '../support/postgres-database';
import { saveAddressAndCard } from '../support/saved-wallet';
import { FaultStack } from './support/fault-stack';
import { HoldingProxy } from './support/holding-proxy';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const CAPTURE = /^\/v1\/payment_intents\/(pi_\w+)\/capture$/;

interface Intent {
  id: string;
  status: string;
  amount: number;
  latest_charge: string | { captured: boolean; amount: number } | null;
  metadata: Record<string, string>;
}

describe('the worker killed mid-saga (between authorise and capture)', {
  // The API and the worker processes share the vault and the stock: one PostgreSQL database.
  skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set',
}, () => {
  test('a capture that reached Stripe and one that did not: each order completes once, one PaymentIntent, one capture', {
    timeout: 180_000,
  }, async () => {
    const database = await createTestDatabase(TEST_DATABASE_URL ?? '', 'order_crash');
    const stripe: LocalStripe = await startTestStripe();
    const proxy = await HoldingProxy.start(stripe.url);
    let stack: FaultStack | undefined;
    try {
      stack = await FaultStack.start({
        databaseUrl: database.url,
        env: { ...stripeEnv(stripe), PAYMENT_PROVIDERS: 'stripe', PLACE_ORDER_WAIT: '2s' },
        // The worker reaches Stripe through the proxy; the API (saving the card) directly.
        workerEnv: { STRIPE_API_BASE: proxy.url },
      });
      const s = stack;
      const stores = s.stores;
      assert.ok(stores);
      const sku = uniqueId('MUG').toUpperCase();
      await stores.inventory.setStock(sku, 10);
      const shopper = async () => {
        const customerId = uniqueId('cust');
        const checkoutId = uniqueId('co');
        const saved = await saveAddressAndCard((p, q, b) => s.request(p, q, b), customerId, 'pm_card_visa');
        const started = await s.request(
          'POST',
          '/checkouts',
          checkoutBody(checkoutId, {
            customer: { id: customerId, email: `${checkoutId}@shoppers.example.com`, locale: 'en-US' },
            cart: { currency: 'EUR', total: 30, items: [{ sku, name: 'Mug', quantity: 2, unitPrice: 15 }] },
            schedule: [{ after: '10m' }],
          }),
        );
        assert.equal(started.status, 202, JSON.stringify(started.body));
        return { checkoutId, body: saved };
      };
      const [reached, lost] = [await shopper(), await shopper()];

      proxy.holdWhen((method, path) => method === 'POST' && CAPTURE.test(path));
      const t0 = Date.now();
      const answers = Promise.all(
        [reached, lost].map((o) => s.request('POST', `/checkouts/${o.checkoutId}/place-order`, o.body)),
      );
      await s.waitUntil(
        'both captures are held',
        () => proxy.held.length,
        (n) => n === 2,
        60_000,
      );
      await s.workers[0]?.kill();
      const killedAt = Date.now() - t0;

      const intents = async (): Promise<Intent[]> => {
        const res = await fetch(`${stripe.url}/v1/payment_intents?limit=100`, {
          headers: { Authorization: 'Bearer sk_test_local' },
        });
        return ((await res.json()) as { data: Intent[] }).data;
      };
      const intentOf = async (checkoutId: string) =>
        (await intents()).filter((pi) => pi.metadata.checkout_id === checkoutId);
      const reachedIntent = (await intentOf(reached.checkoutId))[0];
      assert.equal(reachedIntent?.status, 'requires_capture', 'authorised, not captured, when the worker died');
      // One capture reaches Stripe after the worker died; the other is lost on the way.
      proxy.holdWhen(() => false);
      for (const held of proxy.held) {
        if (held.path.includes(reachedIntent.id)) await held.forward();
        else held.drop();
      }
      assert.equal((await intentOf(reached.checkoutId))[0]?.status, 'succeeded');

      // Both answered while no worker ran: pending, to be polled.
      for (const res of await answers) assert.equal(res.status, 202, JSON.stringify(res.body));
      await s.startWorker();
      for (const o of [reached, lost]) {
        await s.waitUntil(
          `order ${o.checkoutId} is decided`,
          () => s.request('GET', `/checkouts/${o.checkoutId}/order`),
          (res) => res.status !== 202 && res.body?.status !== 'pending',
          120_000,
        );
        const order = await s.request('GET', `/checkouts/${o.checkoutId}/order`);
        assert.equal(order.body.status, 'placed', JSON.stringify(order.body));
      }
      const decidedAt = Date.now() - t0;

      for (const o of [reached, lost]) {
        const charged = await intentOf(o.checkoutId);
        assert.equal(charged.length, 1, `one PaymentIntent for ${o.checkoutId}`);
        assert.equal(charged[0]?.status, 'succeeded');
        const captures = proxy.forwarded.filter((r) => r === `POST /v1/payment_intents/${charged[0]?.id}/capture`);
        assert.equal(captures.length, 1, `one capture reached Stripe for ${o.checkoutId}`);
        // localstripe embeds the charge in the PaymentIntent; Stripe answers its id.
        const latest = charged[0]?.latest_charge;
        const charge =
          typeof latest === 'string'
            ? ((await (
                await fetch(`${stripe.url}/v1/charges/${latest}`, {
                  headers: { Authorization: 'Bearer sk_test_local' },
                })
              ).json()) as { captured: boolean; amount: number })
            : (latest ?? { captured: false, amount: 0 });
        assert.deepEqual({ captured: charge.captured, amount: charge.amount }, { captured: true, amount: 3000 });
        assert.deepEqual(await s.brokenEvents(orderWorkflowId(o.checkoutId)), []);
        await s.waitUntil(
          `checkout ${o.checkoutId} reads ordered`,
          () => s.state(o.checkoutId),
          (st) => st === 'ordered',
          20_000,
        );
      }
      // Stock taken once per order (2 each), none given back.
      assert.equal(await stores.inventory.available(sku), 6);
      console.log(
        `worker killed with two captures held at ${killedAt} ms; both orders placed once by ${decidedAt} ms ` +
          `(the dead capture attempts time out after 30 s)`,
      );
    } finally {
      await stack?.close().catch(() => undefined);
      await proxy.close();
      await stripe.stop();
      await database.drop();
    }
  });
});
