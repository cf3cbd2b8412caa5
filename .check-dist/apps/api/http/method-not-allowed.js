Object.defineProperty(exports, '__esModule', { value: true });
exports.allowedMethods = allowedMethods;
exports.methodNotAllowedMiddleware = methodNotAllowedMiddleware;
const common_1 = require('@nestjs/common');
/** The methods the app's routes answer on `path`, upper-case; HEAD wherever GET is. Empty: an unknown path. */
function allowedMethods(app, path) {
  const methods = new Set();
  for (const layer of app.router.stack) {
    if (!layer.route || !layer.match(path)) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
/**
 * A method the path does not declare answers 405 with `Allow` (RFC 9110 §15.5.6) instead of
 * Express's 404, which would say the path does not exist. Registered before the routes, it reads
 * them from the router when a request comes, so it knows every route Nest registered. An unknown
 * path falls through to the 404.
 */
function methodNotAllowedMiddleware(app) {
  return (req, res, next) => {
    const allowed = allowedMethods(app, req.path);
    if (allowed.length === 0 || allowed.includes(req.method)) {
      next();
      return;
    }
    res.setHeader('Allow', allowed.join(', '));
    next(
      new common_1.MethodNotAllowedException(
        `${req.method} is not allowed on ${req.path}; allowed: ${allowed.join(', ')}`,
      ),
    );
  };
}
//# sourceMappingURL=method-not-allowed.js.map
