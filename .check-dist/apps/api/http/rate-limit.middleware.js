Object.defineProperty(exports, '__esModule', { value: true });
exports.rateLimitMiddleware = rateLimitMiddleware;
// Limits on the public and the costly routes, before any body is read: per client address on the
// links in emails and /health, per link token on the links, per client address and per API key on
// the authenticated writes. Over the limit: 429 with Retry-After, and nothing else is done.
const node_crypto_1 = require('node:crypto');
const correlation_id_1 = require('./correlation-id');
const html_page_1 = require('./html-page');
const token_buckets_1 = require('./token-buckets');
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isLink = (path) => path === '/unsubscribe' || path.startsWith('/r/');
/** Keys are digests: no token or API key is kept in memory as given. */
const digest = (value) => (0, node_crypto_1.createHash)('sha256').update(value).digest('base64url').slice(0, 22);
function presentedKey(headers) {
  const direct = headers['x-api-key'];
  if (typeof direct === 'string') return direct;
  return /^Bearer\s+(.+)$/i.exec(String(headers.authorization ?? ''))?.[1]?.trim();
}
function linkToken(req) {
  if (req.path.startsWith('/r/')) return req.path.slice(3);
  return typeof req.query.token === 'string' ? req.query.token : undefined;
}
function rateLimitMiddleware(limits) {
  const buckets = (spec) => (spec ? new token_buckets_1.TokenBuckets(spec) : undefined);
  const publicByClient = buckets(limits.public);
  const byLink = buckets(limits.perLink);
  const writesByClient = buckets(limits.writes);
  const writesByKey = buckets(limits.writes);
  const tooMany = (req, res, waitMs) => {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    res.setHeader('Retry-After', String(seconds));
    res.setHeader('Cache-Control', 'no-store');
    if (isLink(req.path)) {
      // Shoppers follow these links in a browser: a page, not JSON.
      const page = (0, html_page_1.htmlPage)(
        429,
        'Please wait a moment',
        '<p>Too many requests. Please try again in a minute.</p>',
      );
      res.status(429).type('html').send(page.html);
      return;
    }
    res
      .status(429)
      .type('json')
      .send(
        JSON.stringify({
          statusCode: 429,
          error: 'Too Many Requests',
          message: `retry after ${seconds} s`,
          correlationId: (0, correlation_id_1.correlationIdOf)(req),
        }),
      );
  };
  return (req, res, next) => {
    const client = `c:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    const checks = [];
    const health = req.path === '/health' || req.path.startsWith('/health/');
    if (isLink(req.path) || health) {
      checks.push([publicByClient, `${health ? 'h' : 'l'}${client}`]);
      const token = isLink(req.path) ? linkToken(req) : undefined;
      if (token) checks.push([byLink, digest(token)]);
    } else if (WRITE_METHODS.has(req.method)) {
      checks.push([writesByClient, client]);
      const key = presentedKey(req.headers);
      if (key) checks.push([writesByKey, digest(key)]);
    }
    for (const [bucket, key] of checks) {
      const waitMs = bucket?.take(key) ?? 0;
      if (waitMs > 0) {
        tooMany(req, res, waitMs);
        return;
      }
    }
    next();
  };
}
//# sourceMappingURL=rate-limit.middleware.js.map
