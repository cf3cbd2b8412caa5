// One-segment texts: an SMS carries a short /r/<id> link whose signed token the database keeps; the
// API follows it with the same checks as the long link. Every language's reminder text is counted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import { smsChannel } from '../../activities/channels/sms-channel';
import { createSnsSmsSender, type SmsSender } from '../../activities/channels/sns-sms-sender';
import type { SendReminderInput, SendResult } from '../../activities/contract';
import { resumeUrl, SHORT_LINK_ID, shortResumeUrl } from '../../activities/links';
import { createSesMailer, type SesMailer } from '../../activities/ses-mailer';
import { LOCALES } from '../../activities/templates/i18n/locales';
import { renderSms } from '../../activities/templates/sms';
import { signLink, verifyLink } from '../../apps/shared/link-token';
import { type Checkout, TEMPLATES } from '../../common/checkout';
import type { IssuedOffer } from '../../common/discount-offer';
import { workflowIdFor } from '../../common/messages';
import { smsSegments } from '../../common/sms-segments';
import { type LocalSns, startLocalSnsServer } from '../../stand-ins/local-sns/main';
import { type LedgerStores, openStores } from '../../storage/send-ledger';
import { sampleCheckout } from '../activities/fixtures';
import { type RunningApi, startApi, startTemporal } from '../api/support/api-harness';
import { LocalInbox } from '../support/inbox';
import { TEST_LINK_SECRET, testLinkSettings } from '../support/links';
import { openAll } from '../support/open-all';

// A public URL of a realistic length (the test API listens elsewhere; only the path is followed).
const PUBLIC_URL = 'https://recovery.yourshop.example';
const LINKS = testLinkSettings(PUBLIC_URL);

const inLocale = (locale: string, phone = '+14155550142'): Checkout => {
  const base = sampleCheckout({ checkoutUrl: 'https://shop.example.com/checkout/co-1?resume=1' });
  return { ...base, customer: { ...base.customer, locale, phone } };
};
const SHORT = resumeUrl(PUBLIC_URL, 'Xk3v9QaZ2m');
const OFFER: IssuedOffer = {
  percent: 10,
  currency: 'EUR',
  code: 'BACK-7KQ2-M9XD-3FJP',
  expiresAt: '2026-12-03T18:00:00Z',
};

describe('the segment counter', () => {
  test('GSM-7: 160 in one segment, 153 a part beyond; the extension table (€) counts twice', () => {
    assert.deepEqual(smsSegments('a'.repeat(160)), { encoding: 'GSM-7', units: 160, segments: 1, nonGsm: [] });
    assert.equal(smsSegments('a'.repeat(161)).segments, 2);
    assert.equal(smsSegments('a'.repeat(306)).segments, 2);
    assert.equal(smsSegments('a'.repeat(307)).segments, 3);
    assert.equal(smsSegments(`${'a'.repeat(158)}€`).units, 160);
    assert.equal(smsSegments(`${'a'.repeat(159)}€`).segments, 2);
    assert.equal(smsSegments('Grüße aus München, à bientôt? Ñ').encoding, 'UCS-2', 'ô is not in GSM-7');
    assert.equal(smsSegments('Schöne Grüße: ÄÖÜäöüß ñ é è à').encoding, 'GSM-7');
  });

  test('UCS-2: 70 in one segment, 67 a part beyond; one character outside GSM-7 is enough', () => {
    assert.deepEqual(smsSegments(`${'a'.repeat(69)}ú`), { encoding: 'UCS-2', units: 70, segments: 1, nonGsm: ['ú'] });
    assert.equal(smsSegments(`${'a'.repeat(70)}ú`).segments, 2);
    assert.equal(smsSegments(`it’s${'a'.repeat(130)}`).encoding, 'UCS-2', 'a typographic apostrophe');
    assert.equal(smsSegments('1.234,50\u00a0€').encoding, 'UCS-2', 'a no-break space');
  });
});

describe('every language’s reminder text with the short link', () => {
  // Within one segment where the copy allows: every reminder without an offer; a discount code (19
  // characters and its words) makes two. Spanish needs á, í, ó, ú (not in GSM-7): UCS-2, kept short
  // on purpose to two segments, three with a code.
  const EXPECTED: Record<string, { encoding: string; plain: number; withOffer: number }> = {
    en: { encoding: 'GSM-7', plain: 1, withOffer: 2 },
    de: { encoding: 'GSM-7', plain: 1, withOffer: 2 },
    fr: { encoding: 'GSM-7', plain: 1, withOffer: 2 },
    it: { encoding: 'GSM-7', plain: 1, withOffer: 2 },
    nl: { encoding: 'GSM-7', plain: 1, withOffer: 2 },
    es: { encoding: 'UCS-2', plain: 2, withOffer: 3 },
  };
  for (const locale of LOCALES) {
    const expected = EXPECTED[locale];
    test(`${locale}: ${expected?.encoding}, every reminder in ${expected?.plain} segment(s), ${expected?.withOffer} with a code`, (t) => {
      for (const template of TEMPLATES) {
        for (const offer of [undefined, OFFER]) {
          const text = renderSms({
            checkout: inLocale(locale),
            template,
            shopName: 'Your Shop',
            resumeUrl: SHORT,
            ...(offer && { offer }),
          });
          const counted = smsSegments(text);
          const most = offer ? expected?.withOffer : expected?.plain;
          t.diagnostic(
            `${template}${offer ? ' + code' : ''}: ${counted.segments} × ${counted.encoding} (${counted.units})`,
          );
          assert.equal(counted.encoding, expected?.encoding, `${template}: ${text} (${counted.nonGsm.join(' ')})`);
          assert.ok(counted.segments <= (most ?? 0), `${template}: ${counted.segments} segments: ${text}`);
        }
      }
    });
  }

  test('the long signed link alone would make the same text two segments', () => {
    const checkout = inLocale('de');
    const long = resumeUrl(
      PUBLIC_URL,
      signLink(
        {
          purpose: 'resume',
          checkoutId: checkout.checkoutId,
          customerId: 'c-42',
          step: 1,
          expiresAt: 2_000_000_000,
          target: checkout.checkoutUrl,
        },
        [TEST_LINK_SECRET],
      ),
    );
    const text = renderSms({ checkout, template: 'cart', shopName: 'Your Shop', resumeUrl: long });
    assert.ok(smsSegments(text).segments >= 2, `${text.length} characters`);
  });
});

describe('the short link, from the send to the redirect', () => {
  let env: TestWorkflowEnvironment;
  let api: RunningApi;
  let stores: LedgerStores;
  let sns: LocalSns;
  let ses: LocalInbox;
  let sms: SmsSender;
  let mailer: SesMailer;

  before(async () => {
    [env, stores, sns, ses] = await openAll([
      [startTemporal(), (e) => e.teardown()],
      [openStores({ databaseUrl: undefined, inMemory: true }), (s) => s.close()],
      [startLocalSnsServer('127.0.0.1', 0), (s) => s.close()],
      [LocalInbox.start(), (s) => s.close()],
    ]);
    api = await startApi(env.client, {}, stores);
    sms = createSnsSmsSender({ endpoint: sns.url, region: 'us-east-1' });
    mailer = createSesMailer({ endpoint: ses.url, region: 'us-east-1' });
  });
  after(async () => {
    sms?.close();
    mailer?.close();
    await api?.close();
    await stores?.close();
    await Promise.all([sns?.close(), ses?.close()]);
    await env?.teardown();
  });

  const follow = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${new URL(url).pathname}`, { redirect: 'manual', headers });

  test('a text carries /r/<id> in one segment; the id leads to the checkout like the signed link', async () => {
    const checkout = inLocale('de-DE');
    const input: SendReminderInput = { checkout, step: 2, stepsTotal: 3, channel: 'sms', template: 'cart' };
    const activities = createActivities({
      mailer,
      ledger: stores.ledger,
      from: 'Your Shop <shop@example.com>',
      links: LINKS,
      shortLinks: stores.shortLinks,
      channels: [smsChannel(sms, 'Your Shop', { allowedCallingCodes: ['+1'] })],
    });
    const run = new MockActivityEnvironment({
      workflowExecution: { workflowId: workflowIdFor(checkout.checkoutId), runId: 'run-1' },
    });
    const result = await run.run<[SendReminderInput], SendResult, typeof activities.sendReminder>(
      activities.sendReminder,
      input,
    );
    assert.equal(result.outcome, 'sent');
    const [text] = sns.messages().filter((m) => m.phoneNumber === checkout.customer.phone);
    const link = /https:\/\/\S+\/r\/(\S+)/.exec(text?.message ?? '');
    assert.ok(link?.[1] && SHORT_LINK_ID.test(link[1]), text?.message);
    const counted = smsSegments(text?.message ?? '');
    assert.equal(counted.encoding, 'GSM-7', text?.message);
    assert.equal(counted.segments, 1, text?.message);
    // The signed token is kept, for this checkout and step, with the same lifetime as the long link.
    const stored = await stores.shortLinks.tokenOf(link[1]);
    const verdict = verifyLink(stored, 'resume', [TEST_LINK_SECRET]);
    assert.ok(verdict.ok);
    assert.equal(verdict.claims.checkoutId, checkout.checkoutId);
    assert.equal(verdict.claims.step, 2);

    const res = await follow(link[0]);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), checkout.checkoutUrl);

    // The local SNS viewer shows what the text cost.
    const viewer = await (await fetch(`${sns.url}/`)).text();
    assert.match(viewer, /<td class="segments">1 \(GSM-7\)<\/td>/);
  });

  test('a retried send keeps the same id; an id nobody issued is a 400 page, an expired one a 410', async () => {
    const checkout = { checkoutId: 'co-short-2' };
    const token = (expiresAt: number) =>
      signLink(
        {
          purpose: 'resume',
          checkoutId: 'co-short-2',
          customerId: 'c-42',
          step: 1,
          expiresAt,
          target: 'https://shop.example.com/c/2',
        },
        [TEST_LINK_SECRET],
      );
    const now = Math.floor(Date.now() / 1000);
    const first = await shortResumeUrl(LINKS, stores.shortLinks, checkout, 1, resumeUrl(PUBLIC_URL, token(now + 600)));
    const again = await shortResumeUrl(LINKS, stores.shortLinks, checkout, 1, resumeUrl(PUBLIC_URL, token(now + 900)));
    assert.equal(first, again);
    assert.equal((await follow(first)).status, 302);

    const unknown = await follow(resumeUrl(PUBLIC_URL, 'AAAAAAAAAA'), { 'accept-language': 'de' });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /Ungültiger Link/);

    const expired = await shortResumeUrl(
      LINKS,
      stores.shortLinks,
      { checkoutId: 'co-short-3' },
      1,
      resumeUrl(PUBLIC_URL, token(now - 5)),
    );
    const gone = await follow(expired);
    assert.equal(gone.status, 410);
    assert.equal(gone.headers.get('location'), null);
  });
});
