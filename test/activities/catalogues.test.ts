// The message catalogues: every language has every message English has, each one compiles and asks
// for the same variables, and the locale chain finds the right one (de-AT → de → en).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUES, compileMessage, MESSAGE_KEYS, variablesOf } from '../../activities/templates/i18n/catalogues';
import {
  catalogueLocale,
  LOCALES,
  localeChain,
  localeFromAcceptLanguage,
} from '../../activities/templates/i18n/locales';
import { translatorFor } from '../../activities/templates/i18n/translator';

// Messages that may read the same as English in some language ("Total", "Code …", "{shop}").
const SAME_WORDS = new Set(['common.cart.quantity', 'common.cart.total', 'common.logoAlt', 'sms.offer']);

describe('message catalogues', () => {
  for (const locale of LOCALES) {
    it(`${locale}: has every key English has, no other key, and each message compiles with the same variables`, () => {
      const catalogue = CATALOGUES[locale];
      const missing = MESSAGE_KEYS.filter((key) => catalogue[key] === undefined);
      assert.deepEqual(missing, [], `${locale} misses keys`);
      const extra = Object.keys(catalogue).filter((key) => !(MESSAGE_KEYS as string[]).includes(key));
      assert.deepEqual(extra, [], `${locale} has keys English does not`);
      for (const key of MESSAGE_KEYS) {
        const text = catalogue[key] ?? '';
        assert.doesNotThrow(() => compileMessage(text, locale), `${locale} ${key} compiles`);
        assert.deepEqual(
          [...variablesOf(text)].sort(),
          [...variablesOf(CATALOGUES.en[key] ?? '')].sort(),
          `${locale} ${key}: same variables as English`,
        );
        if (locale !== 'en' && !SAME_WORDS.has(key)) {
          assert.notEqual(text, CATALOGUES.en[key], `${locale} ${key} is translated, not copied`);
        }
      }
    });
  }

  it('plural rules: one item, several items, in each language', () => {
    const one = (l: string) => translatorFor(l).t('common.cart.items', { count: 1 });
    const three = (l: string) => translatorFor(l).t('common.cart.items', { count: 3 });
    assert.equal(one('en'), '1 item');
    assert.equal(three('en'), '3 items');
    assert.equal(three('fr'), '3 articles');
    assert.equal(one('fr'), '1 article');
    assert.equal(three('nl'), '3 artikelen');
    assert.equal(three('it'), '3 articoli');
    assert.equal(three('es'), '3 artículos');
  });

  it('a locale falls back along its chain: de-AT → de → en; an unknown one to English', () => {
    assert.deepEqual(localeChain('de-AT'), ['de-at', 'de', 'en']);
    assert.equal(catalogueLocale('de-AT'), 'de');
    assert.equal(catalogueLocale('fr_CA'), 'fr');
    assert.equal(catalogueLocale('ja-JP'), 'en');
    assert.equal(catalogueLocale('not a locale!'), 'en');
    assert.equal(catalogueLocale(undefined), 'en');
    assert.equal(translatorFor('de-AT').t('common.greeting.named', { name: 'Ada' }), 'Hallo Ada,');
    assert.equal(translatorFor('de-AT').formatLocale, 'de-AT', 'money and dates still in de-AT');
  });

  it('pages served by the API pick the language from Accept-Language', () => {
    assert.equal(localeFromAcceptLanguage('de-AT,de;q=0.9,en;q=0.8'), 'de');
    assert.equal(localeFromAcceptLanguage('ja,nl;q=0.5'), 'nl');
    assert.equal(localeFromAcceptLanguage('en-GB,fr;q=0.9'), 'en');
    assert.equal(localeFromAcceptLanguage('fr;q=0.2,it;q=0.8'), 'it');
    assert.equal(localeFromAcceptLanguage(undefined), 'en');
    assert.equal(localeFromAcceptLanguage('*'), 'en');
  });
});
