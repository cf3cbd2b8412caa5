Object.defineProperty(exports, '__esModule', { value: true });
exports.unknownShopPage = void 0;
exports.rejectedLinkPage = rejectedLinkPage;
const html_page_1 = require('../http/html-page');
const AGAIN = {
  unsubscribe:
    'To stop reminders, use the unsubscribe link in a more recent email from us, or reply to it and we will stop.',
  cart: 'Your cart may still be waiting: visit our shop to pick up where you left off.',
};
/** 410 for a genuine link whose time is up, 400 for anything altered, cut short or made up. */
function rejectedLinkPage(kind, reason) {
  if (reason === 'expired')
    return (0, html_page_1.htmlPage)(
      410,
      'This link has expired',
      `<p>The ${kind} link you followed is too old to use.</p>\n<p>${AGAIN[kind]}</p>`,
    );
  return (0, html_page_1.htmlPage)(
    400,
    'Invalid link',
    `<p>This ${kind} link is not valid: it may have been cut short or changed. Please use the link exactly as it is in your email.</p>`,
  );
}
/** A genuine resume link whose shop origin is no longer in SHOP_ORIGINS: no redirect, and nothing to fix by the shopper. */
const unknownShopPage = () =>
  (0, html_page_1.htmlPage)(
    400,
    'This link no longer leads anywhere',
    `<p>The shop this link pointed to is not one we send you to any more.</p>\n<p>${AGAIN.cart}</p>`,
  );
exports.unknownShopPage = unknownShopPage;
//# sourceMappingURL=link-pages.js.map
