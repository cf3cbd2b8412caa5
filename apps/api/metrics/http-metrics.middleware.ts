import { ApiMetrics, UNMATCHED_ROUTE } from './api-metrics';

/** The parts of Express's request and response used here (its types are not installed). */
interface Request {
  method: string;
  route?: { path?: unknown };
}
interface Response {
  statusCode: number;
  once(event: 'finish', listener: () => void): void;
}

/**
 * Times every request from arrival to the last byte and counts it by its route's pattern, so a
 * 401 from the guard, a 400 from validation and a 404 for no route are all counted.
 */
export function httpMetricsMiddleware(metrics: ApiMetrics) {
  return (req: Request, res: Response, next: () => void): void => {
    const started = performance.now();
    res.once('finish', () => {
      // Express sets req.route once a route matched; it is still there when the response ends.
      const route = typeof req.route?.path === 'string' ? req.route.path : UNMATCHED_ROUTE;
      metrics.httpRequest(req.method, route, res.statusCode, (performance.now() - started) / 1000);
    });
    next();
  };
}
