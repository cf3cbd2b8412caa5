// Headers that keep the pages behind links in emails from being framed, sniffed or made to run
// someone else's content, and that do not advertise the framework.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { signLink } from '../../apps/shared/link-token';
import { TEST_LINK_SECRET } from '../support/links';
import { useApi } from './support/api-harness';

const api = useApi();

const claims = { checkoutId: 'co-1', customerId: 'c-42', step: 1, expiresAt: Math.floor(Date.now() / 1000) + 3_600 };
const directives = (res: Response) =>
  new Map(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...values]) => [name, values]),
  );

describe('the HTML pages of links in emails', () => {
  const pages = () => [
    `/unsubscribe?token=${signLink({ ...claims, purpose: 'unsubscribe' }, [TEST_LINK_SECRET])}`,
    '/unsubscribe?token=garbage',
    '/r/garbage.x',
  ];

  test('send a CSP that allows nothing but their own style and form, and no framing', async () => {
    for (const path of pages()) {
      const res = await fetch(`${api.url}${path}`);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/, path);
      const csp = directives(res);
      assert.deepEqual(csp.get('default-src'), ["'none'"], path);
      assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], path);
      assert.deepEqual(csp.get('form-action'), ["'self'"], path);
      assert.equal(csp.has('script-src'), false, `${path}: no script may run`);
      // The page's inline style is the one the CSP allows, so it still renders styled.
      const style = /<style>([\s\S]*?)<\/style>/.exec(await res.text())?.[1] ?? '';
      const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
      assert.deepEqual(csp.get('style-src'), [hash], path);
    }
  });

  test('send X-Content-Type-Options: nosniff and X-Frame-Options, and no X-Powered-By', async () => {
    for (const path of pages()) {
      const res = await fetch(`${api.url}${path}`);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
      assert.equal(res.headers.get('x-powered-by'), null, path);
    }
  });
});

describe('every other response', () => {
  test('JSON answers, 404s and the docs say nosniff and not what serves them', async () => {
    for (const path of ['/health', '/nowhere', '/docs', '/docs-json']) {
      const res = await fetch(`${api.url}${path}`);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('x-powered-by'), null, path);
    }
  });

  test('Swagger UI at /docs keeps working: its CSP lets in its own scripts and styles, and frames nowhere', async () => {
    const res = await fetch(`${api.url}/docs`);
    assert.equal(res.status, 200);
    const csp = directives(res);
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.equal(csp.has('upgrade-insecure-requests'), false, 'the dev API is plain http');
    const html = await res.text();
    for (const src of html.matchAll(/<script src="([^"]+)"/g)) {
      const script = await fetch(new URL(src[1] ?? '', `${api.url}/docs`));
      assert.equal(script.status, 200, src[1]);
    }
  });
});
