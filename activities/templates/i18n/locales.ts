// The languages reminders are written in, and how a shopper's locale finds one: `de-AT` → `de` → `en`.

export const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (tag: string): tag is Locale => (LOCALES as readonly string[]).includes(tag);

/** The tag itself when well-formed (for Intl formatting), else undefined: a caller's typo must not fail a send. */
export function canonicalTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/** The fallback chain of a shopper's locale, most specific first, always ending in English. */
export function localeChain(tag: string | undefined): string[] {
  const canonical = canonicalTag(tag);
  const chain: string[] = [];
  if (canonical) {
    const parts = canonical.split('-');
    for (let n = parts.length; n > 0; n--) chain.push(parts.slice(0, n).join('-'));
  }
  return [...new Set([...chain.map((t) => t.toLowerCase()), DEFAULT_LOCALE])];
}

/** The catalogue a shopper's locale is written from: the first of its chain we ship. */
export function catalogueLocale(tag: string | undefined): Locale {
  return localeChain(tag).find(isLocale) ?? DEFAULT_LOCALE;
}

/** The best catalogue for an Accept-Language header (pages served by the API), by the header's q order. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag && r.tag !== '*' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = catalogueLocale(tag);
    // English only when asked for: "ja, de" means German before the English fallback.
    if (locale !== DEFAULT_LOCALE || tag.toLowerCase().startsWith(DEFAULT_LOCALE)) return locale;
  }
  return DEFAULT_LOCALE;
}
