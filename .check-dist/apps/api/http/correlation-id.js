Object.defineProperty(exports, '__esModule', { value: true });
exports.CORRELATION_HEADER = void 0;
exports.correlationIdMiddleware = correlationIdMiddleware;
exports.correlationIdOf = correlationIdOf;
// Every response carries a correlation id (header, and the body of every error) that the logs
// carry too, so a shop's support can find what happened to one request. A caller's own id is kept
// when it is a plain token; anything else is replaced.
const node_crypto_1 = require('node:crypto');
exports.CORRELATION_HEADER = 'x-correlation-id';
const PLAIN_ID = /^[A-Za-z0-9._-]{1,64}$/;
const ids = new WeakMap();
function correlationIdMiddleware() {
  return (req, res, next) => {
    const given = req.headers[exports.CORRELATION_HEADER];
    const id = typeof given === 'string' && PLAIN_ID.test(given) ? given : (0, node_crypto_1.randomUUID)();
    ids.set(req, id);
    res.setHeader(exports.CORRELATION_HEADER, id);
    next();
  };
}
/** The request's id (one is made if the middleware did not run, e.g. in a unit test). */
function correlationIdOf(req) {
  let id = ids.get(req);
  if (!id) {
    id = (0, node_crypto_1.randomUUID)();
    ids.set(req, id);
  }
  return id;
}
//# sourceMappingURL=correlation-id.js.map
