// The small HTML pages shoppers see when they follow a link from an email: never JSON, never a
// stack trace. Controllers answer them through Express's response directly.

export interface HtmlPage {
  status: number;
  html: string;
}

/** The part of Express's response used for pages and redirects (its types are not installed). */
export interface HtmlResponse {
  status(code: number): HtmlResponse;
  type(contentType: string): HtmlResponse;
  setHeader(name: string, value: string): void;
  send(body: string): void;
  redirect(status: number, url: string): void;
}

/** The pages' one style sheet, inline; the CSP allows exactly it by its hash (security-headers.ts). */
export const PAGE_STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
button{font-size:1rem;padding:.6rem 1.2rem;cursor:pointer}
p{overflow-wrap:anywhere}`;

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** `body` is markup: escape whatever in it came from outside. */
export function htmlPage(status: number, title: string, body: string, lang = 'en'): HtmlPage {
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
  return { status, html };
}

export function sendPage(res: HtmlResponse, { status, html }: HtmlPage): void {
  // Pages behind signed links are personal: no shared cache keeps them, no Referer carries the token on.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.status(status).type('html').send(html);
}
