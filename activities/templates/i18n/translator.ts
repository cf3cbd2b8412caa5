// Messages in the shopper's language: the override folder first (overrides.ts), then the catalogue
// of the locale's chain, then English. Compiled formats are cached per locale and text.
import { CATALOGUES, compileMessage, type MessageKey } from './catalogues';
import { catalogueLocale, type Locale } from './locales';
import { overrideFor } from './overrides';

export type MessageValues = Record<string, string | number>;

export interface Translator {
  /** The catalogue the messages come from ("de" for a de-AT shopper): the `lang` attribute. */
  readonly locale: Locale;
  /** The shopper's own tag when well-formed ("de-AT"), for Intl money and dates. */
  readonly formatLocale: string;
  t(key: MessageKey, values?: MessageValues): string;
}

const compiled = new Map<string, ReturnType<typeof compileMessage>>();

function format(locale: Locale, text: string, values: MessageValues | undefined): string {
  const cacheKey = `${locale}\u0000${text}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    message = compileMessage(text, locale);
    compiled.set(cacheKey, message);
  }
  return String(message.format(values));
}

// A send asks for its shopper's translator several times (subject, body, reason note): resolving the
// tag builds Intl objects each time, so translators are kept per tag. Tags come from shop input, so
// the cache is bounded (dropped whole when full; shops use a handful).
const translators = new Map<string, Translator>();
const MAX_CACHED_TRANSLATORS = 500;

export function translatorFor(tag: string | undefined): Translator {
  const cacheKey = tag ?? '';
  const known = translators.get(cacheKey);
  if (known) return known;
  if (translators.size >= MAX_CACHED_TRANSLATORS) translators.clear();
  const made = makeTranslator(tag);
  translators.set(cacheKey, made);
  return made;
}

function makeTranslator(tag: string | undefined): Translator {
  const locale = catalogueLocale(tag);
  let formatLocale: string = locale;
  try {
    formatLocale = tag ? (Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? locale) : locale;
    new Intl.NumberFormat(formatLocale);
  } catch {
    formatLocale = locale;
  }
  return {
    locale,
    formatLocale,
    t(key, values) {
      const text = overrideFor(locale, key) ?? CATALOGUES[locale][key] ?? CATALOGUES.en[key];
      if (text === undefined) throw new Error(`no message "${key}" in the catalogues`);
      return format(locale, text, values);
    },
  };
}
