// The shop's own copy without code: TEMPLATE_OVERRIDES_DIR/<template>/<locale>.json replaces messages,
// and a file that would make a blank or broken mail stops the worker and the API at boot instead,
// naming the file and the key.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { reminderLinks } from '../../activities/links';
import { renderReminder } from '../../activities/templates';
import { installTemplateOverrides, readTemplateOverrides } from '../../activities/templates/i18n/overrides';
import { renderSms } from '../../activities/templates/sms';
import { runToExit } from '../support/run-to-exit';
import { LINKS, sampleCheckout } from './fixtures';

const DIST = join(__dirname, '..', '..');
let root: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'overrides-'));
});
after(async () => {
  installTemplateOverrides(undefined);
  await rm(root, { recursive: true, force: true });
});
afterEach(() => installTemplateOverrides(undefined));

/** A fresh override folder with these files ({ "cart/de.json": {...} or raw text }). */
async function folder(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(root, 'dir-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const view = () => {
  const checkout = sampleCheckout();
  return { checkout, step: 2, stepsTotal: 3, ...reminderLinks(LINKS, checkout, 2) };
};

describe('template overrides', () => {
  it('replace the catalogue’s message for that template and locale only; the rest keeps its wording', async () => {
    const dir = await folder({
      'cart/de.json': { subject: 'Noch da: {count, plural, one {# Artikel} other {# Artikel}} für {total}' },
      'common/de.json': { 'greeting.named': 'Servus {name},' },
      'sms/en.json': { friendly: '{shop}: your basket is waiting.' },
    });
    assert.equal(installTemplateOverrides(dir), 3);
    const email = await renderReminder('cart', view());
    assert.equal(email.subject, 'Noch da: 3 Artikel für 1.234,50\u00a0€');
    assert.ok(email.text.startsWith('Servus Ada,'));
    assert.ok(email.text.includes('Das hast du ausgewählt.'), 'messages not overridden keep the catalogue’s');
    const friendly = await renderReminder('friendly', view());
    assert.equal(friendly.subject, 'Du hast etwas in deinem Warenkorb vergessen');
    const base = sampleCheckout();
    const english = { ...base, customer: { ...base.customer, locale: 'en-US' } };
    const sms = renderSms({
      checkout: english,
      template: 'friendly',
      shopName: 'Shop',
      resumeUrl: 'https://x.test/r/a',
    });
    assert.ok(sms.startsWith('Shop: your basket is waiting.'), sms);
  });

  it('apply to a language already rendered before they were installed (translators are cached per locale)', async () => {
    assert.equal((await renderReminder('friendly', view())).subject, 'Du hast etwas in deinem Warenkorb vergessen');
    installTemplateOverrides(await folder({ 'friendly/de.json': { subject: 'Dein Korb wartet' } }));
    assert.equal((await renderReminder('friendly', view())).subject, 'Dein Korb wartet');
  });

  it('an ICU syntax error names the file and the key', async () => {
    const dir = await folder({ 'cart/de.json': { subject: 'Dein Warenkorb: {count, plural, one {# Artikel}' } });
    assert.throws(
      () => readTemplateOverrides(dir),
      (err: Error) => {
        assert.match(err.message, /cart\/de\.json, key "subject": ICU MessageFormat syntax error/);
        return true;
      },
    );
  });

  it('a variable the message is not given names the file, the key, the variable and what it may use', async () => {
    const dir = await folder({ 'friendly/fr.json': { subject: 'Bonjour {firstName}, votre panier vous attend' } });
    assert.throws(
      () => readTemplateOverrides(dir),
      /friendly\/fr\.json, key "subject": unknown variable \{firstName\} \(this message has none\)/,
    );
    const cart = await folder({ 'cart/fr.json': { subject: 'Panier : {total} ({items})' } });
    assert.throws(
      () => readTemplateOverrides(cart),
      /unknown variable \{items\} \(this message has \{count\}, \{total\}\)/,
    );
  });

  it('an unknown key, template or locale, a file that is not JSON: each named, all at once', async () => {
    const dir = await folder({
      'cart/de.json': { subjekt: 'x' },
      'checkout/de.json': { subject: 'x' },
      'cart/pt.json': { subject: 'x' },
      'friendly/en.json': '{ "subject": "Hi", }',
    });
    assert.throws(
      () => readTemplateOverrides(dir),
      (err: Error) => {
        assert.match(err.message, /4 problem\(s\)/);
        assert.match(err.message, /cart\/de\.json, key "subjekt": no such message in "cart"/);
        assert.match(err.message, /checkout: no template "checkout"/);
        assert.match(err.message, /cart\/pt\.json: name it <locale>\.json with a locale of en, de, fr, es, it, nl/);
        assert.match(err.message, /friendly\/en\.json: not valid JSON/);
        return true;
      },
    );
  });

  it('nothing is installed when one file is wrong: the shipped wording stays', async () => {
    const dir = await folder({ 'cart/de.json': { subject: 'Neu {total}', preheader: '{oops' } });
    assert.throws(() => installTemplateOverrides(dir));
    assert.equal((await renderReminder('cart', view())).subject, 'Dein Warenkorb wartet: 3 Artikel, 1.234,50\u00a0€');
  });

  for (const script of ['apps/api/main.js', 'apps/worker/main.js']) {
    it(`${script} refuses to start with a broken override, naming file and key, before connecting anywhere`, async () => {
      const dir = await folder({ 'last-chance/it.json': { button: 'Concludi {orderId}' } });
      const { code, output } = await runToExit(join(DIST, script), {
        TEMPLATE_OVERRIDES_DIR: dir,
        LINK_SIGNING_SECRET: 'a-test-link-secret-of-at-least-32-characters',
        PAYLOAD_ENCRYPTION: 'off',
        DATA_DIR: join(root, 'no-data'),
      });
      assert.equal(code, 1, output);
      assert.match(output, /Configuration error: TEMPLATE_OVERRIDES_DIR: 1 problem/);
      assert.match(output, /last-chance\/it\.json, key "button": unknown variable \{orderId\}/);
      assert.doesNotMatch(output, /at .*\.js:\d+/, 'a message, not a stack trace');
    });
  }
});
