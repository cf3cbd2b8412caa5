Object.defineProperty(exports, '__esModule', { value: true });
exports.errorPage = exports.donePage = void 0;
exports.confirmPage = confirmPage;
// The pages a shopper sees after following the (signed) unsubscribe link in a reminder.
const html_page_1 = require('../http/html-page');
/** GET shows a button only: RFC 8058, because mail scanners follow links and must not unsubscribe anyone. */
function confirmPage(token) {
  const action = `/unsubscribe?token=${encodeURIComponent(token)}`;
  return (0, html_page_1.htmlPage)(
    200,
    'Stop reminders?',
    `<p>We sent you reminders about the items you left in your cart. Press the button and we will stop.</p>
<form method="post" action="${(0, html_page_1.escapeHtml)(action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Stop all cart reminders</button>
</form>`,
  );
}
const donePage = () =>
  (0, html_page_1.htmlPage)(
    200,
    'Unsubscribed',
    '<p>You will receive no more reminders about carts you left. Order confirmations still reach you.</p>',
  );
exports.donePage = donePage;
const errorPage = () =>
  (0, html_page_1.htmlPage)(
    500,
    'Something went wrong',
    '<p>We could not process your request. Please try again in a moment.</p>',
  );
exports.errorPage = errorPage;
//# sourceMappingURL=unsubscribe-pages.js.map
