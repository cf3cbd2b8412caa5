// Links in emails carry their credential in the URL (/r/<token>, /unsubscribe?token=…): a log line
// with the full URL hands whoever reads the logs a working unsubscribe or a customer's resume link.
Object.defineProperty(exports, '__esModule', { value: true });
exports.loggableUrl = loggableUrl;
/** The request's path for a log line: no query string, and a resume token as `:token`. */
function loggableUrl(url) {
  const query = url.indexOf('?');
  const path = (query === -1 ? url : url.slice(0, query)).replace(/^\/r\/[^/]+/, '/r/:token');
  return query === -1 ? path : `${path}?…`;
}
//# sourceMappingURL=loggable-url.js.map
