// The pages a shopper sees after following the (signed) unsubscribe link in a reminder, in the
// language their browser asks for (Accept-Language; the link carries no locale).
import { translatorFor } from '../../../activities/templates/i18n/translator';
import { escapeHtml, type HtmlPage, htmlPage } from '../http/html-page';

/** GET shows a button only: RFC 8058, because mail scanners follow links and must not unsubscribe anyone. */
export function confirmPage(token: string, locale?: string): HtmlPage {
  const tr = translatorFor(locale);
  const action = `/unsubscribe?token=${encodeURIComponent(token)}`;
  return htmlPage(
    200,
    tr.t('unsubscribe-page.confirmTitle'),
    `<p>${escapeHtml(tr.t('unsubscribe-page.confirmBody'))}</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${escapeHtml(tr.t('unsubscribe-page.confirmButton'))}</button>
</form>`,
    tr.locale,
  );
}

export function donePage(locale?: string): HtmlPage {
  const tr = translatorFor(locale);
  return htmlPage(
    200,
    tr.t('unsubscribe-page.doneTitle'),
    `<p>${escapeHtml(tr.t('unsubscribe-page.doneBody'))}</p>`,
    tr.locale,
  );
}

export function errorPage(locale?: string): HtmlPage {
  const tr = translatorFor(locale);
  return htmlPage(
    500,
    tr.t('unsubscribe-page.errorTitle'),
    `<p>${escapeHtml(tr.t('unsubscribe-page.errorBody'))}</p>`,
    tr.locale,
  );
}
