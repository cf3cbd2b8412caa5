// Limits on the public and the costly routes: per client and per link token on the links in
// emails (the checkout page /c/<token>… too; its address suggestions in a bucket of their own) and /health, per client and API key on the writes (429 with Retry-After); bodies too
// large (413) or of a type the route does not take (415) are refused before anything runs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, checkoutBody, type RunningApi, startApi, uniqueId, useApi } from './support/api-harness';

const api = useApi();

describe('rate limits (429 with Retry-After)', () => {
  let tight: RunningApi;
  const KEY = 'k'.repeat(40);
  before(async () => {
    tight = await startApi(api.client, {
      RATE_LIMIT_PUBLIC: '6/1m',
      RATE_LIMIT_PER_LINK: '3/1m',
      RATE_LIMIT_WRITES: '4/1m',
      API_KEY: KEY,
    });
  });
  after(() => tight.close());

  test('/health from one client: the limit, then 429 with Retry-After, and Temporal is not asked', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${tight.url}/health`)).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429, 429]);
    const refused = await fetch(`${tight.url}/health`);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
  });

  test('one link token is limited on its own: a guesser or a scanner replaying it gets a 429 page', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await fetch(`${tight.url}/r/not-a-token`, { redirect: 'manual' })).status);
    assert.deepEqual(statuses, [400, 400, 400, 429]);
    const page = await fetch(`${tight.url}/r/not-a-token`);
    assert.match(page.headers.get('content-type') ?? '', /html/);
    assert.ok(Number(page.headers.get('retry-after')) >= 1);
    // Another token from the same client is still answered (until the client's own limit).
    assert.equal((await fetch(`${tight.url}/unsubscribe?token=another`)).status, 400);
  });

  test('authenticated writes are limited per client and API key', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(
        `${tight.url}/orders`,
        'POST',
        { checkoutId: uniqueId('co'), orderId: 'o-1' },
        {
          'x-api-key': KEY,
        },
      );
      statuses.push(res.status);
    }
    assert.deepEqual(
      statuses.slice(0, 4).every((s) => s !== 429),
      true,
      statuses.join(),
    );
    assert.equal(statuses[4], 429);
  });
});

describe('the checkout page /c/<token>: a link, limited per client and per token', () => {
  let page: RunningApi;
  before(async () => {
    page = await startApi(api.client, {
      RATE_LIMIT_PUBLIC: '100/1m',
      RATE_LIMIT_PER_LINK: '3/1m',
      RATE_LIMIT_ADDRESS_SUGGESTIONS: '5/1m',
    });
  });
  after(() => page.close());

  test("the page, its 3-D Secure return and its order share the token's limit: then a 429 page", async () => {
    const token = uniqueId('page-token');
    const statuses: number[] = [];
    statuses.push((await fetch(`${page.url}/c/${token}`)).status);
    statuses.push((await fetch(`${page.url}/c/${token}/authenticated`, { method: 'POST', redirect: 'manual' })).status);
    statuses.push((await fetch(`${page.url}/c/${token}`)).status);
    const refused = await fetch(`${page.url}/c/${token}`, { method: 'POST', redirect: 'manual' });
    assert.ok(
      statuses.every((s) => s !== 429),
      statuses.join(),
    );
    assert.equal(refused.status, 429);
    assert.match(refused.headers.get('content-type') ?? '', /html/);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    // Another token from the same client is answered; the page's scripts are not a token.
    assert.notEqual((await fetch(`${page.url}/c/${uniqueId('other-token')}`)).status, 429);
    for (let i = 0; i < 5; i++)
      assert.notEqual((await fetch(`${page.url}/c/assets/address-autocomplete.js`)).status, 429);
  });

  test('address suggestions (a billed lookup each) have their own per-token bucket: then a JSON 429', async () => {
    const token = uniqueId('suggest-token');
    const suggest = (session: string) =>
      fetch(`${page.url}/c/${token}/addresses?q=Unter&country=DE&session=${session}`);
    const statuses: number[] = [];
    // A new session per request: the client choosing it does not reset the bucket.
    for (let i = 0; i < 6; i++) statuses.push((await suggest(uniqueId('s'))).status);
    // The router matches /C/ and %-encoded tokens too: the same token's bucket.
    const variant = await fetch(
      `${page.url}/C/${encodeURIComponent(token).replace(/^s/, '%73')}/Addresses?q=Unter&country=DE&session=s-2`,
    );
    assert.equal(variant.status, 429, 'another spelling of the same token and route is the same bucket');
    assert.ok(
      statuses.slice(0, 5).every((s) => s !== 429),
      statuses.join(),
    );
    assert.equal(statuses[5], 429, 'more than RATE_LIMIT_ADDRESS_SUGGESTIONS (5 here, above the per-link 3)');
    const refused = await suggest('s-1');
    assert.match(refused.headers.get('content-type') ?? '', /json/);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    // Typing did not use up the page's own limit.
    assert.notEqual((await fetch(`${page.url}/c/${token}`)).status, 429);
  });
});

describe('request bodies: 413 when too large, 415 when of the wrong type, never a 500', () => {
  const big = (n: number) => `List-Unsubscribe=One-Click&pad=${'x'.repeat(n)}`;

  test('a 200 KB body to /unsubscribe is a 413, not a 500 with a stack trace in the log', async () => {
    const res = await fetch(`${api.url}/unsubscribe?token=t`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: big(200_000),
    });
    assert.equal(res.status, 413);
    const json = await fetch(`${api.url}/unsubscribe?token=t`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(200_000) }),
    });
    assert.equal(json.status, 413);
    const checkout = await call(`${api.url}/checkouts`, 'POST', JSON.stringify({ pad: 'x'.repeat(200_000) }));
    assert.equal(checkout.status, 413);
    assert.equal(checkout.body.statusCode, 413, 'answered as too large, not as an internal error');
    assert.notEqual(checkout.body.message, 'Internal error');
  });

  test('a form is taken only by POST /unsubscribe (RFC 8058); other routes want JSON: 415', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const orders = await fetch(`${api.url}/orders`, {
      method: 'POST',
      headers: form,
      body: 'checkoutId=co-1&orderId=o',
    });
    assert.equal(orders.status, 415);
    const text = await fetch(`${api.url}/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(checkoutBody(uniqueId('co'))),
    });
    assert.equal(text.status, 415);
    const oneClick = await fetch(`${api.url}/unsubscribe?token=not-a-token`, {
      method: 'POST',
      headers: form,
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.status, 400, 'the form is read, the token refused');
  });
});
