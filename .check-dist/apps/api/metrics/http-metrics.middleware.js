Object.defineProperty(exports, '__esModule', { value: true });
exports.httpMetricsMiddleware = httpMetricsMiddleware;
const api_metrics_1 = require('./api-metrics');
/**
 * Times every request from arrival to the last byte and counts it by its route's pattern, so a
 * 401 from the guard, a 400 from validation and a 404 for no route are all counted.
 */
function httpMetricsMiddleware(metrics) {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      // Express sets req.route once a route matched; it is still there when the response ends.
      const route = typeof req.route?.path === 'string' ? req.route.path : api_metrics_1.UNMATCHED_ROUTE;
      metrics.httpRequest(req.method, route, res.statusCode, (performance.now() - started) / 1000);
    });
    next();
  };
}
//# sourceMappingURL=http-metrics.middleware.js.map
