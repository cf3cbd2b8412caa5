import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type LinkClaims, signLink } from '../../apps/shared/link-token';
import { preferencesSignal, workflowIdFor } from '../../common/messages';
import { TEST_LINK_SECRET, tampered } from '../support/links';
import { call, checkoutBody, startApi, uniqueId, useApi } from './support/api-harness';

const api = useApi();

const nowSeconds = () => Math.floor(Date.now() / 1000);

function unsubscribeToken(checkoutId: string, overrides: Partial<LinkClaims> = {}, secrets = [TEST_LINK_SECRET]) {
  return signLink(
    {
      purpose: 'unsubscribe',
      checkoutId,
      customerId: customerOf.get(checkoutId) ?? 'c-42',
      step: 1,
      expiresAt: nowSeconds() + 3_600,
      ...overrides,
    },
    secrets,
  );
}

/** The checkout was told of an opt-out (its `preferences` signal), so it stops. */
async function toldToStop(checkoutId: string): Promise<boolean> {
  const history = await api.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
  return (
    history.events?.some((e) => e.workflowExecutionSignaledEventAttributes?.signalName === preferencesSignal.name) ??
    false
  );
}

async function optedOut(customerId: string, base = api.url): Promise<boolean> {
  const res = await call(`${base}/customers/${customerId}/preferences`, 'GET');
  assert.equal(res.status, 200);
  return res.body.optedOut;
}

/** Each test's checkouts belong to a customer of their own, so opt-outs do not leak between tests. */
const customerOf = new Map<string, string>();

async function startCheckout(base = api.url): Promise<string> {
  const checkoutId = uniqueId('co');
  const customerId = uniqueId('cust');
  customerOf.set(checkoutId, customerId);
  const body = checkoutBody(checkoutId, { customer: { id: customerId, email: 'ada@example.com' } });
  assert.equal((await call(`${base}/checkouts`, 'POST', body)).status, 202);
  return checkoutId;
}

const oneClick = (base: string, token: string) =>
  fetch(`${base}/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });

/** An HTML page for a person, not an API error: no JSON, no stack trace. */
async function assertPage(res: Response, status: number, text: RegExp): Promise<void> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  const html = await res.text();
  assert.match(html, /^<!doctype html>/);
  assert.match(html, text);
  assert.doesNotMatch(html, /at .*\.js:\d+|"statusCode"/);
}

describe('GET /unsubscribe?token=', () => {
  test('with a valid token shows a form that posts the token back, and changes nothing', async () => {
    const checkoutId = await startCheckout();
    const token = unsubscribeToken(checkoutId);
    const res = await fetch(`${api.url}/unsubscribe?token=${token}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const html = await res.text();
    assert.ok(html.includes(`<form method="post" action="/unsubscribe?token=${token}">`), html);
    assert.equal(await toldToStop(checkoutId), false);
    assert.equal(await optedOut(customerOf.get(checkoutId) ?? ''), false);
  });

  test('with a tampered token is a 400 page', async () => {
    const token = unsubscribeToken(await startCheckout());
    await assertPage(await fetch(`${api.url}/unsubscribe?token=${tampered(token)}`), 400, /Invalid link/);
  });

  test('with an expired token is a 410 page', async () => {
    const token = unsubscribeToken(await startCheckout(), { expiresAt: nowSeconds() - 1 });
    await assertPage(await fetch(`${api.url}/unsubscribe?token=${token}`), 410, /This link has expired/);
  });
});

describe('POST /unsubscribe?token= (RFC 8058 one-click)', () => {
  test('with a valid token opts the customer out, stops the checkout and confirms in HTML', async () => {
    const checkoutId = await startCheckout();
    const customerId = customerOf.get(checkoutId) ?? '';
    await assertPage(await oneClick(api.url, unsubscribeToken(checkoutId)), 200, /You will receive no more reminders/);
    assert.equal(await toldToStop(checkoutId), true);
    const stored = await call(`${api.url}/customers/${customerId}/preferences`, 'GET');
    assert.equal(stored.body.optedOut, true);
    assert.equal(stored.body.optOutSource, 'link');
  });

  test('with a tampered token is a 400 page and cancels nothing', async () => {
    const victim = await startCheckout();
    const attacker = await startCheckout();
    // The attacker's own genuine link, its payload rewritten to name someone else's checkout.
    const genuine = unsubscribeToken(attacker);
    const [, signature] = genuine.split('.');
    const payload = JSON.parse(Buffer.from(genuine.split('.')[0] ?? '', 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...payload, c: victim })).toString('base64url')}.${signature}`;
    await assertPage(await oneClick(api.url, forged), 400, /Invalid link/);
    // And one signed with a secret the API does not have.
    await assertPage(await oneClick(api.url, unsubscribeToken(victim, {}, ['a'.repeat(40)])), 400, /Invalid link/);
    assert.equal(await toldToStop(victim), false);
    assert.equal(await toldToStop(attacker), false);
    assert.equal(await optedOut(customerOf.get(victim) ?? ''), false);
  });

  test('with an expired token is a 410 page and cancels nothing', async () => {
    const checkoutId = await startCheckout();
    await assertPage(
      await oneClick(api.url, unsubscribeToken(checkoutId, { expiresAt: nowSeconds() - 60 })),
      410,
      /expired/,
    );
    assert.equal(await toldToStop(checkoutId), false);
    assert.equal(await optedOut(customerOf.get(checkoutId) ?? ''), false);
  });

  test('the old unsigned ?checkout= link, a missing token and a resume token are 400 pages and cancel nothing', async () => {
    const checkoutId = await startCheckout();
    const resumeToken = signLink(
      {
        purpose: 'resume',
        checkoutId,
        customerId: 'c-42',
        step: 1,
        expiresAt: nowSeconds() + 60,
        target: 'https://x.test',
      },
      [TEST_LINK_SECRET],
    );
    for (const query of [
      `?checkout=${checkoutId}`,
      '',
      '?token=',
      '?token=%22%3E%3Cscript%3E',
      `?token=${resumeToken}`,
    ]) {
      const res = await fetch(`${api.url}/unsubscribe${query}`, { method: 'POST' });
      assert.equal(res.status, 400, query);
      assert.doesNotMatch(await res.text(), /<script>/);
    }
    assert.equal(await toldToStop(checkoutId), false);
  });

  test('a repeated one-click for a customer already opted out lists and signals nothing again', async () => {
    const checkoutId = await startCheckout();
    const token = unsubscribeToken(checkoutId);
    for (let i = 0; i < 3; i++) await assertPage(await oneClick(api.url, token), 200, /no more reminders/);
    const history = await api.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
    const told = history.events?.filter(
      (e) => e.workflowExecutionSignaledEventAttributes?.signalName === preferencesSignal.name,
    );
    assert.equal(told?.length, 1, 'told once, by the first click');
  });

  test('a genuine link for a checkout whose workflow is gone still opts its customer out', async () => {
    const customerId = uniqueId('cust');
    await assertPage(
      await oneClick(api.url, unsubscribeToken(uniqueId('gone'), { customerId })),
      200,
      /no more reminders/,
    );
    assert.equal(await optedOut(customerId), true);
  });
});

describe('link signing secret rotation', () => {
  test('after a new secret is put first, links signed with the old one still unsubscribe', async () => {
    const rotated = await startApi(api.client, { LINK_SIGNING_SECRET: `${'n'.repeat(40)},${TEST_LINK_SECRET}` });
    try {
      const checkoutId = await startCheckout(rotated.url);
      await assertPage(await oneClick(rotated.url, unsubscribeToken(checkoutId)), 200, /no more reminders/);
      assert.equal(await toldToStop(checkoutId), true);
    } finally {
      await rotated.close();
    }
  });
});
