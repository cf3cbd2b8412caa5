/** Nest token of the ShortLinks store (storage/short-links.ts); null without a database. */
export const SHORT_LINKS = 'ShortLinks';
