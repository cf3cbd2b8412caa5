import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { reminderLinks } from '../../activities/links';
import { buildMime, confirmationHeaders, reminderHeaders } from '../../activities/mime';
import { renderOrderConfirmation, renderReminder } from '../../activities/templates';
import { verifyLink } from '../../apps/shared/link-token';
import { signedLinkIn, TEST_LINK_SECRET } from '../support/links';
import { FROM, LINKS, PUBLIC_URL, sampleCheckout } from './fixtures';

async function reminderMime(checkout = sampleCheckout(), step = 2) {
  const links = reminderLinks(LINKS, checkout, step);
  const email = await renderReminder('cart', { checkout, step, stepsTotal: 3, ...links });
  const raw = await buildMime({
    from: FROM,
    to: checkout.customer,
    email,
    headers: reminderHeaders(links.unsubscribeUrl, checkout.checkoutId, step),
  });
  return { raw, parsed: await simpleParser(raw), checkout, links, email };
}

describe('reminder MIME', () => {
  it('carries List-Unsubscribe with the signed unsubscribe link, and List-Unsubscribe-Post for one-click', async () => {
    const checkout = sampleCheckout({ checkoutId: 'co:1/ä?' });
    const { parsed, links } = await reminderMime(checkout);
    const expected = links.unsubscribeUrl;
    assert.ok(expected.startsWith(`${PUBLIC_URL}/unsubscribe?token=`));
    const verdict = verifyLink(new URL(expected).searchParams.get('token'), 'unsubscribe', [TEST_LINK_SECRET]);
    assert.ok(verdict.ok);
    assert.equal(verdict.claims.checkoutId, 'co:1/ä?');
    assert.equal(verdict.claims.step, 2);
    const list = parsed.headers.get('list') as { unsubscribe?: { url?: string } } | undefined;
    assert.equal(list?.unsubscribe?.url, expected);
    const raw = parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    assert.match(
      raw.replace(/\r?\n\s+/g, ' '),
      new RegExp(`^List-Unsubscribe: ?<${expected.replace(/[.?]/g, '\\$&')}>$`),
    );
    const post = parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line;
    assert.equal(post, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('tags the message with the checkout id and reminder step', async () => {
    const { parsed, checkout } = await reminderMime(undefined, 3);
    assert.equal(parsed.headers.get('x-checkout-id'), checkout.checkoutId);
    assert.equal(parsed.headers.get('x-reminder-step'), '3');
  });

  it('is multipart/alternative with a text and an HTML part, both with the signed resume link', async () => {
    const { raw, parsed, checkout, links } = await reminderMime();
    assert.match(raw.toString('utf8'), /Content-Type: multipart\/alternative/);
    assert.ok(parsed.text?.includes(links.resumeUrl), 'text part has the resume link');
    assert.ok(typeof parsed.html === 'string' && parsed.html.includes(links.resumeUrl));
    assert.equal(signedLinkIn(parsed.text, 'resume').claims.target, checkout.checkoutUrl);
    assert.equal(parsed.subject, 'Dein Warenkorb wartet: 3 Artikel, 1.234,50\u00a0€', 'a de-DE shopper');
  });

  it('carries the text and the HTML exactly as rendered, quoted-printable in lines of at most 76', async () => {
    const { raw, parsed, email } = await reminderMime(sampleCheckout({ checkoutId: 'co-body' }));
    assert.equal(parsed.text, email.text);
    assert.equal(parsed.html, email.html);
    assert.ok(
      [...email.text].some((c) => c.charCodeAt(0) > 0x7f),
      'a de-DE text has characters to encode',
    );
    const message = raw.toString('latin1');
    const body = message.slice(message.indexOf('\r\n\r\n')); // header lines may be longer (a URL is not folded)
    assert.equal((message.match(/Content-Transfer-Encoding: quoted-printable\r\n/g) ?? []).length, 2);
    assert.deepEqual(
      body.split('\r\n').filter((line) => line.length > 76),
      [],
    );
    assert.doesNotMatch(message, /[^\r]\n/, 'CRLF line ends only');
  });

  it('words a non-Latin subject as RFC 2047 Q, and an email without text is HTML alone', async () => {
    const raw = await buildMime({
      from: FROM,
      to: sampleCheckout().customer,
      email: { subject: 'Корзина ждёт', text: '', html: '<p>Корзина</p>' },
      headers: {},
    });
    const message = raw.toString('latin1');
    assert.match(message, /^Subject: =\?UTF-8\?Q\?/m);
    assert.match(message, /^Content-Type: text\/html; charset=utf-8\r$/m);
    assert.match(message, /^Content-Transfer-Encoding: quoted-printable\r$/m);
    assert.doesNotMatch(message, /multipart|text\/plain/);
    const parsed = await simpleParser(raw);
    assert.equal(parsed.subject, 'Корзина ждёт');
    assert.equal(String(parsed.html).trim(), '<p>Корзина</p>');
  });

  it('addresses the customer by name and sends from the configured sender', async () => {
    const { parsed, checkout } = await reminderMime(sampleCheckout({ checkoutId: 'co-name' }));
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    assert.deepEqual(to?.value, [{ name: 'Ada', address: checkout.customer.email }]);
    assert.equal(parsed.from?.value[0]?.address, 'shop@example.com');
  });
});

describe('order confirmation MIME', () => {
  it('is transactional: no List-Unsubscribe headers, no reminder step', async () => {
    const checkout = sampleCheckout();
    const email = await renderOrderConfirmation({ checkout, orderId: 'ord-1' });
    const raw = await buildMime({
      from: FROM,
      to: checkout.customer,
      email,
      headers: confirmationHeaders(checkout.checkoutId),
    });
    const parsed = await simpleParser(raw);
    assert.deepEqual(
      parsed.headerLines.filter((h) => h.key.startsWith('list-')),
      [],
      'no List-* headers at all',
    );
    assert.equal(parsed.headers.has('x-reminder-step'), false);
    assert.equal(parsed.headers.get('x-checkout-id'), checkout.checkoutId);
    assert.ok(parsed.text?.includes('ord-1'));
  });
});
