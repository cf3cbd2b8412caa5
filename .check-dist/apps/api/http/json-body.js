Object.defineProperty(exports, '__esModule', { value: true });
exports.useBodyParsers = useBodyParsers;
const common_1 = require('@nestjs/common');
// RFC 8058's one-click POST is the one form a mail client sends ("List-Unsubscribe=One-Click"):
// a few bytes, so the form parser's limit is small.
const FORM_LIMIT = '2kb';
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;
// Express's body parser reports bad JSON as a SyntaxError marked `entity.parse.failed`.
function isJsonParseError(err) {
  return err instanceof SyntaxError && err.type === 'entity.parse.failed';
}
/** A body parser's own errors (too large, bad charset…) carry a 4xx status and a `type`. */
function parserStatus(err) {
  const e = err;
  return typeof e?.type === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500
    ? e.status
    : undefined;
}
/** The HTML forms' targets: RFC 8058's one-click unsubscribe, the dashboard's sign-in. */
const FORM_PATHS = ['/unsubscribe', '/dashboard/sign-in'];
/** JSON everywhere; a urlencoded form only where an HTML form posts (FORM_PATHS). */
function mediaTypeRefusal(req) {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length === 0 && req.headers['transfer-encoding'] === undefined) return undefined; // no body
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (type && JSON_TYPE.test(type)) return undefined;
  const form = FORM_PATHS.includes(req.path);
  if (type === 'application/x-www-form-urlencoded' && req.method === 'POST' && form) return undefined;
  return `a request body must be application/json${form ? ' or application/x-www-form-urlencoded' : ''}`;
}
/**
 * Registers the body parsers (JSON for the API, urlencoded for one-click unsubscribe posts) behind
 * a media type check (415), and turns their errors into 4xx answers passed on to the exception
 * filter: malformed JSON 400, a body over the limit 413, a charset or encoding they cannot read 415.
 */
function useBodyParsers(app) {
  app.use((req, _res, next) => {
    const refusal = mediaTypeRefusal(req);
    next(refusal ? new common_1.UnsupportedMediaTypeException(refusal) : undefined);
  });
  app.useBodyParser('json');
  app.useBodyParser('urlencoded', { extended: false, limit: FORM_LIMIT });
  app.use((err, _req, _res, next) => {
    if (isJsonParseError(err))
      return next(new common_1.BadRequestException(`Malformed JSON in request body: ${err.message}`));
    const status = parserStatus(err);
    if (status === 413) return next(new common_1.PayloadTooLargeException('request body too large'));
    if (status === 415) return next(new common_1.UnsupportedMediaTypeException('unsupported body charset or encoding'));
    if (status !== undefined) return next(new common_1.HttpException('unreadable request body', status));
    next(err);
  });
}
//# sourceMappingURL=json-body.js.map
