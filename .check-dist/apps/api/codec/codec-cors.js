Object.defineProperty(exports, '__esModule', { value: true });
exports.codecCors = codecCors;
// What the Temporal UI sends to a codec endpoint; Authorization when it passes an access token.
const ALLOWED_HEADERS = 'X-Namespace, Content-Type, Authorization';
// Browsers cache the preflight for this long (seconds); the UI sends many codec calls per page.
const PREFLIGHT_MAX_AGE_S = 600;
/**
 * CORS for the codec routes only, and only for the configured origins (the Temporal UI). Answers
 * the preflight itself: it comes without credentials, so it must not reach the API-key guard.
 * A preflight from any other origin gets a 403; other requests get no CORS headers, so a browser
 * on another origin cannot read the answer.
 */
function codecCors(allowedOrigins) {
  return (req, res, next) => {
    const origin = req.headers.origin;
    const allowed = origin !== undefined && allowedOrigins.includes(origin);
    res.setHeader('Vary', 'Origin');
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      // The UI may call with credentials (its "include cross-origin credentials" setting).
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    if (!allowed) {
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          statusCode: 403,
          error: 'Forbidden',
          message: `origin ${origin ?? '(none)'} may not call the codec endpoint: add it to CODEC_CORS_ORIGINS`,
        }),
      );
      return;
    }
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S));
    res.writeHead(204);
    res.end();
  };
}
//# sourceMappingURL=codec-cors.js.map
