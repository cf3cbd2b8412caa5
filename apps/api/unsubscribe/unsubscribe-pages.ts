// The pages a shopper sees after following the (signed) unsubscribe link in a reminder.
import { escapeHtml, type HtmlPage, htmlPage } from '../http/html-page';

/** GET shows a button only: RFC 8058, because mail scanners follow links and must not unsubscribe anyone. */
export function confirmPage(token: string): HtmlPage {
  const action = `/unsubscribe?token=${encodeURIComponent(token)}`;
  return htmlPage(
    200,
    'Stop reminders?',
    `<p>We sent you reminders about the items you left in your cart. Press the button and we will stop.</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Stop all cart reminders</button>
</form>`,
  );
}

export const donePage = (): HtmlPage =>
  htmlPage(
    200,
    'Unsubscribed',
    '<p>You will receive no more reminders about carts you left. Order confirmations still reach you.</p>',
  );

export const errorPage = (): HtmlPage =>
  htmlPage(500, 'Something went wrong', '<p>We could not process your request. Please try again in a moment.</p>');
