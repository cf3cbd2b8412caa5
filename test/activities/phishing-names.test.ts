// No phishing by text: a customer's name is free text from whoever calls the API, and it used to be
// rendered as given into texts ("Your Shop: Hi <name>, …") and email greetings. A name that reads as
// a sentence or carries anything URL-like must never come out in a message the shop sends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { reminderLinks } from '../../activities/links';
import { buildMime, reminderHeaders } from '../../activities/mime';
import { renderOrderConfirmation, renderReminder } from '../../activities/templates';
import { displayName } from '../../activities/templates/format';
import { renderSms } from '../../activities/templates/sms';
import { type Checkout, TEMPLATES } from '../../common/checkout';
import { FROM, LINKS, sampleCheckout } from './fixtures';

const PHISH = 'Hi your account is locked. Verify at https://evil.example';
/** What a mail client or phone would turn into a link, or read as a host name. */
const URL_LIKE = /[a-z][a-z0-9+.-]*:\/\/|www\.|[\p{L}\d-]+\.[\p{L}]{2,}/iu;

const named = (name: string): Checkout => {
  const checkout = sampleCheckout({ checkoutUrl: 'https://shop.example.com/c/1' });
  return { ...checkout, customer: { ...checkout.customer, name } };
};

async function everyMessage(checkout: Checkout): Promise<string[]> {
  const links = reminderLinks(LINKS, checkout, 1);
  const view = { checkout, step: 1, stepsTotal: 3, ...links };
  const emails = await Promise.all(TEMPLATES.map((t) => renderReminder(t, view)));
  const texts = TEMPLATES.map((template) =>
    renderSms({ checkout, template, shopName: 'Your Shop', resumeUrl: links.resumeUrl }).replace(links.resumeUrl, ''),
  );
  const confirmation = await renderOrderConfirmation({ checkout, orderId: 'ord-1', total: 10 });
  // The shop's own links are in the bodies; only the greeting part can carry the name.
  const greetings = [...emails, confirmation].map((e) => e.text.split('\n')[0] ?? '');
  return [...texts, ...greetings];
}

describe('a customer name is never a way to make the shop say something', () => {
  it('the phishing sentence from the issue renders in no text, greeting or To header', async () => {
    const checkout = named(PHISH);
    for (const message of await everyMessage(checkout)) {
      assert.doesNotMatch(message, /evil|locked|Verify/, message);
    }
    const raw = await buildMime({
      from: FROM,
      to: checkout.customer,
      email: await renderReminder('friendly', {
        checkout,
        step: 1,
        stepsTotal: 3,
        ...reminderLinks(LINKS, checkout, 1),
      }),
      headers: reminderHeaders('https://x.test/u', checkout.checkoutId, 1),
    });
    const mail = await simpleParser(raw);
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', checkout.customer.email);
    assert.doesNotMatch(mail.text ?? '', /evil|locked/);
  });

  it('a text never carries the name at all; an email greets a plain name and nothing else', async () => {
    const [text] = await everyMessage(named('Ada'));
    assert.doesNotMatch(text ?? '', /Ada/);
    assert.equal(displayName({ name: 'Ada Lovelace' }), 'Ada Lovelace');
    assert.equal(displayName({ name: "Zoë O'Neil-Brontë" }), "Zoë O'Neil-Brontë");
    for (const name of ['evil.example', 'Ada https://x', 'Ada.', 'a b c d', 'x'.repeat(31), 'Ada 2', 'Ada\u202eLove']) {
      assert.equal(displayName({ name }), undefined, name);
    }
  });

  it('property: for any name, nothing URL-like and no word of the name beyond a plain name reaches any message', async () => {
    const fragment = fc.constantFrom(
      'https://evil.example',
      'www.evil.com',
      'evil.example',
      'Verify at',
      ' ',
      '.',
      ':',
      '/',
      'Ada',
    );
    const name = fc.oneof(
      fc.string({ maxLength: 200, unit: 'grapheme' }),
      fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 8 }).map((parts) => parts.join('')),
    );
    await fc.assert(
      fc.asyncProperty(name, async (n) => {
        for (const message of await everyMessage(named(n))) {
          assert.doesNotMatch(
            message.replace(/Your Shop|shop@example\.com/g, ''),
            URL_LIKE,
            `${JSON.stringify(n)} → ${message}`,
          );
        }
        const shown = displayName({ name: n });
        if (shown !== undefined) assert.match(shown, /^[\p{L}\p{M}' ’-]{1,30}$/u);
      }),
      { numRuns: 1_000 },
    );
  });
});
