import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type LinkClaims, signLink } from '../../apps/shared/link-token';
import { TEST_LINK_SECRET } from '../support/links';
import { type RunningApi, startApi, startTemporal } from './support/api-harness';

let env: TestWorkflowEnvironment;
let api: RunningApi;

before(async () => {
  env = await startTemporal();
  api = await startApi(env.client, { API_KEY: 'resume-test-key-0123456789-0123456789' });
});

after(async () => {
  await api?.close();
  await env?.teardown();
});

const TARGET = 'https://shop.example.com/checkout/co-77?resume=1&src=email';

function resumeToken(overrides: Partial<LinkClaims> = {}): string {
  return signLink(
    {
      purpose: 'resume',
      checkoutId: 'co-77',
      customerId: 'c-42',
      step: 2,
      expiresAt: Math.floor(Date.now() / 1000) + 3_600,
      target: TARGET,
      ...overrides,
    },
    [TEST_LINK_SECRET],
  );
}

const follow = (path: string) => fetch(`${api.url}${path}`, { redirect: 'manual' });

async function assertPage(res: Response, status: number, text: RegExp): Promise<void> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  assert.equal(res.headers.get('location'), null, 'no redirect');
  const html = await res.text();
  assert.match(html, text);
  assert.doesNotMatch(html, /at .*\.js:\d+|"statusCode"/);
}

describe('GET /r/:token', () => {
  test('a valid resume link redirects (302) to the checkout URL it was signed with, without the API key', async () => {
    const res = await follow(`/r/${resumeToken()}`);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), TARGET);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  });

  test('a tampered link is a 400 page and redirects nowhere', async () => {
    const token = resumeToken();
    const [payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const elsewhere = Buffer.from(JSON.stringify({ ...claims, t: 'https://evil.example/phish' })).toString('base64url');
    await assertPage(await follow(`/r/${elsewhere}.${signature}`), 400, /Invalid link/);
  });

  test('a genuine link re-spelled (unused low bits of its last character changed) is a 400 page, no redirect', async () => {
    const token = resumeToken();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.slice(-1));
    const respelled = `${token.slice(0, -1)}${alphabet[last ^ 1]}`; // same bytes to a lenient decoder
    await assertPage(await follow(`/r/${respelled}`), 400, /Invalid link/);
  });

  test('an expired link is a 410 page', async () => {
    await assertPage(
      await follow(`/r/${resumeToken({ expiresAt: Math.floor(Date.now() / 1000) - 1 })}`),
      410,
      /expired/,
    );
  });

  test('a malformed link or an unsubscribe token is a 400 page', async () => {
    const unsubscribe = signLink(
      { purpose: 'unsubscribe', checkoutId: 'co-77', customerId: 'c-42', step: 1, expiresAt: 2e9 },
      [TEST_LINK_SECRET],
    );
    for (const token of ['garbage', 'a.b', '%3Cscript%3E.x', unsubscribe]) {
      const res = await follow(`/r/${token}`);
      await assertPage(res, 400, /Invalid link/);
    }
  });

  test('the page speaks the browser’s language (Accept-Language), with the lang attribute set', async () => {
    const token = resumeToken({ expiresAt: Math.floor(Date.now() / 1000) - 10 });
    const german = await fetch(`${api.url}/r/${token}`, {
      redirect: 'manual',
      headers: { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' },
    });
    await assertPage(german, 410, /<html lang="de">[\s\S]*Dieser Link ist abgelaufen[\s\S]*Warenkorb-Link/);
    const french = await fetch(`${api.url}/r/x`, { redirect: 'manual', headers: { 'accept-language': 'fr-CH' } });
    await assertPage(french, 400, /<html lang="fr">[\s\S]*Lien non valide/);
    const english = await fetch(`${api.url}/r/x`, { redirect: 'manual', headers: { 'accept-language': 'ja' } });
    await assertPage(english, 400, /<html lang="en">[\s\S]*Invalid link/);
  });
});
