// SHOP_ORIGINS: a checkout URL becomes a signed redirect on the shop's domain, in the shop's own
// mail, for days. Only the shop's origins get in at the edge, and only they get out at /r.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signLink } from '../../apps/shared/link-token';
import { workflowIdFor } from '../../common/messages';
import { TEST_LINK_SECRET } from '../support/links';
import { call, checkoutBody, type RunningApi, startApi, uniqueId, useApi } from './support/api-harness';

const SHOP = 'https://shop.example.com';
const api = useApi({ SHOP_ORIGINS: `${SHOP},http://localhost:8080` });

/** Not the shop, though each one reads like it to someone, or to a prefix check. */
const ELSEWHERE = [
  'https://evil.example/phish',
  'https://shop.example.com.evil.example/checkout',
  'https://shop.example.com@evil.example/checkout',
  'http://shop.example.com/checkout',
  'https://shop.example.com:8443/checkout',
  'http://localhost:8081/checkout',
];

async function assertNotStarted(checkoutId: string): Promise<void> {
  await assert.rejects(api.client.workflow.getHandle(workflowIdFor(checkoutId)).describe(), /not found/i);
}

describe('checkoutUrl at the edge', () => {
  test('a checkoutUrl on another origin is a 400 naming checkoutUrl, and nothing starts', async () => {
    for (const checkoutUrl of ELSEWHERE) {
      const checkoutId = uniqueId('co');
      const res = await call(`${api.url}/checkouts`, 'POST', checkoutBody(checkoutId, { checkoutUrl }));
      assert.equal(res.status, 400, checkoutUrl);
      assert.deepEqual(res.body.errors, [
        { field: 'checkoutUrl', reason: "must be on one of the shop's origins (SHOP_ORIGINS)" },
      ]);
      await assertNotStarted(checkoutId);
    }
  });

  test('a checkoutUrl on a listed origin starts the checkout, whatever its path and query', async () => {
    for (const checkoutUrl of [
      `${SHOP}/checkout/x?resume=1`,
      'http://localhost:8080/c',
      'https://SHOP.Example.com/c',
    ]) {
      const res = await call(`${api.url}/checkouts`, 'POST', checkoutBody(uniqueId('co'), { checkoutUrl }));
      assert.equal(res.status, 202, checkoutUrl);
    }
  });
});

describe('the legacy route', () => {
  let legacy: RunningApi | undefined;
  before(async () => {
    legacy = await startApi(api.client, {
      SHOP_ORIGINS: SHOP,
      LEGACY_CHECKOUT_URL: 'https://old-shop.example.net/cart/{id}',
    });
  });
  after(async () => legacy?.close());

  test('a legacy checkout whose made-up URL is not on a shop origin is a 400 naming checkoutUrl', async () => {
    const res = await call(`${legacy?.url}/api/checkout`, 'POST', { email_id: 'ada@example.com' });
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].field, 'checkoutUrl');
  });
});

describe('GET /r/:token at redirect time', () => {
  const resumeLink = (target: string) =>
    signLink(
      {
        purpose: 'resume',
        checkoutId: 'co-1',
        customerId: 'c-42',
        step: 1,
        expiresAt: Math.floor(Date.now() / 1000) + 3_600,
        target,
      },
      [TEST_LINK_SECRET],
    );

  test('a genuine link to an origin SHOP_ORIGINS no longer lists is an error page, not a redirect', async () => {
    for (const target of ELSEWHERE) {
      const res = await fetch(`${api.url}/r/${resumeLink(target)}`, { redirect: 'manual' });
      assert.equal(res.status, 400, target);
      assert.equal(res.headers.get('location'), null, `${target}: redirected`);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      assert.match(await res.text(), /no longer leads anywhere/);
    }
  });

  test('a genuine link to a listed origin still redirects there', async () => {
    const res = await fetch(`${api.url}/r/${resumeLink(`${SHOP}/checkout/co-1`)}`, { redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `${SHOP}/checkout/co-1`);
  });
});
