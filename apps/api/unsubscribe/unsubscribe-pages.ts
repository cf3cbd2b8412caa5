// The small HTML pages a shopper sees after following the unsubscribe link in a reminder.

export interface HtmlPage {
  status: number;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(status: number, title: string, body: string): HtmlPage {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
button{font-size:1rem;padding:.6rem 1.2rem;cursor:pointer}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
  return { status, html };
}

/** GET shows a button only: RFC 8058, because mail scanners follow links and must not unsubscribe anyone. */
export function confirmPage(checkoutId: string): HtmlPage {
  const action = `/unsubscribe?checkout=${encodeURIComponent(checkoutId)}`;
  return page(
    200,
    'Stop reminders?',
    `<p>We sent you reminders about the items you left in your cart. Press the button and we will stop.</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Stop reminders for this checkout</button>
</form>`,
  );
}

export const donePage = (): HtmlPage =>
  page(200, 'Unsubscribed', '<p>You will receive no more reminders for this checkout.</p>');

export const unknownPage = (): HtmlPage =>
  page(404, 'Link not found', '<p>We could not find this checkout. The link may be incomplete or out of date.</p>');

export const invalidLinkPage = (): HtmlPage =>
  page(400, 'Invalid link', '<p>This unsubscribe link is not valid. Please use the link from your email.</p>');

export const errorPage = (): HtmlPage =>
  page(500, 'Something went wrong', '<p>We could not process your request. Please try again in a moment.</p>');
