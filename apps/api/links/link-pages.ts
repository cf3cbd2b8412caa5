// What a shopper sees when a link from an email cannot be followed, in their browser's language.
import { translatorFor } from '../../../activities/templates/i18n/translator';
import type { LinkRejection } from '../../shared/link-token';
import { escapeHtml, type HtmlPage, htmlPage } from '../http/html-page';

export type LinkKind = 'unsubscribe' | 'cart';

const para = (text: string) => `<p>${escapeHtml(text)}</p>`;

/** 410 for a genuine link whose time is up, 400 for anything altered, cut short or made up. */
export function rejectedLinkPage(kind: LinkKind, reason: LinkRejection, locale?: string): HtmlPage {
  const tr = translatorFor(locale);
  const again = tr.t(kind === 'unsubscribe' ? 'link-page.againUnsubscribe' : 'link-page.againCart');
  if (reason === 'expired')
    return htmlPage(
      410,
      tr.t('link-page.expiredTitle'),
      `${para(tr.t('link-page.expiredBody', { kind }))}\n${para(again)}`,
      tr.locale,
    );
  return htmlPage(400, tr.t('link-page.invalidTitle'), para(tr.t('link-page.invalidBody', { kind })), tr.locale);
}

/** A genuine resume link whose shop origin is no longer in SHOP_ORIGINS: no redirect, and nothing to fix by the shopper. */
export function unknownShopPage(locale?: string): HtmlPage {
  const tr = translatorFor(locale);
  return htmlPage(
    400,
    tr.t('link-page.unknownShopTitle'),
    `${para(tr.t('link-page.unknownShopBody'))}\n${para(tr.t('link-page.againCart'))}`,
    tr.locale,
  );
}
