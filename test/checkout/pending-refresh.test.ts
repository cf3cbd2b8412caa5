// The checkout page while an order is being placed reloads itself; those reloads count against the
// link's rate limit, so a long placement must back off instead of meeting a 429 page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkoutPage, pendingRefresh } from '../../apps/api/checkout-page/checkout-page.html';
import { loadRateLimits } from '../../config/rate-limits';
import { sampleCheckout } from '../activities/fixtures';

const PAGE = '/c/tok%2Fen';

/** The times (s) at which a shopper's browser asks for the page: the order's POST, its redirect, then each reload. */
function requestTimes(untilSeconds: number): number[] {
  const times = [0, 0];
  let at = 0;
  let wait = 0;
  while (at < untilSeconds) {
    const refresh = pendingRefresh(PAGE, wait);
    at += refresh.seconds;
    times.push(at);
    wait = Number(new URL(refresh.url, 'https://x.test').searchParams.get('wait'));
  }
  return times;
}

describe('the checkout page while the order is being placed', () => {
  test('reloads back off (2, 4, 8, 16, then every 30 s) and carry their count in the URL', () => {
    const seconds = [0, 1, 2, 3, 4, 9].map((w) => pendingRefresh(PAGE, w).seconds);
    assert.deepEqual(seconds, [2, 4, 8, 16, 30, 30]);
    assert.equal(pendingRefresh(PAGE, 0).url, `${PAGE}?wait=1`);
    assert.equal(pendingRefresh(PAGE, Number('junk')).seconds, 2, 'a malformed count starts over');
    assert.equal(pendingRefresh(PAGE, -3).seconds, 2);
  });

  test('ten minutes of a pending placement stay within the per-link limit in every window', () => {
    const limit = loadRateLimits({}).perLink;
    assert.ok(limit);
    const times = requestTimes(600);
    const windowS = limit.periodMs / 1000;
    for (const start of times) {
      const inWindow = times.filter((t) => t >= start && t < start + windowS).length;
      assert.ok(inWindow <= limit.capacity, `${inWindow} requests in the ${windowS} s from ${start} s`);
    }
  });

  test('the page names its next reload in a meta refresh, escaped', () => {
    const { html } = checkoutPage({
      checkout: sampleCheckout(),
      addresses: [],
      methods: [],
      last: { status: 'pending' },
      suggestUrl: `${PAGE}/addresses`,
      session: 's-1',
      pendingRefresh: pendingRefresh('/c/a"b', 2),
    });
    assert.match(html, /<meta http-equiv="refresh" content="8;url=\/c\/a&quot;b\?wait=3">/);
  });
});
