// The small HTML pages shoppers see when they follow a link from an email: never JSON, never a
// stack trace. Controllers answer them through Express's response directly.
Object.defineProperty(exports, '__esModule', { value: true });
exports.escapeHtml = exports.PAGE_STYLE = void 0;
exports.htmlPage = htmlPage;
exports.sendPage = sendPage;
/** The pages' one style sheet, inline; the CSP allows exactly it by its hash (security-headers.ts). */
exports.PAGE_STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
button{font-size:1rem;padding:.6rem 1.2rem;cursor:pointer}`;
const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
exports.escapeHtml = escapeHtml;
/** `body` is markup: escape whatever in it came from outside. */
function htmlPage(status, title, body) {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${(0, exports.escapeHtml)(title)}</title>
<style>${exports.PAGE_STYLE}</style></head>
<body><h1>${(0, exports.escapeHtml)(title)}</h1>
${body}
</body>
</html>
`;
  return { status, html };
}
function sendPage(res, { status, html }) {
  // Pages behind signed links are personal: no shared cache keeps them, no Referer carries the token on.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.status(status).type('html').send(html);
}
//# sourceMappingURL=html-page.js.map
