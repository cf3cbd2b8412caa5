// Each HTTP request is a server span, the root of what it causes: the Temporal client's StartWorkflow,
// signal or update spans are its children, and a caller's W3C `traceparent` makes it their child.
// A middleware on the public OpenTelemetry API rather than the http/express auto-instrumentations:
// those patch modules at load time and silently do nothing when `http` was loaded first.
// The span is named by the route's pattern (`GET /r/:token`), never the raw URL: paths and queries
// carry signed link tokens, which are credentials, so neither the path nor the query is recorded.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_SCHEME,
  HTTP_REQUEST_METHOD_VALUE_OTHER,
} from '@opentelemetry/semantic-conventions';

/** The parts of Express's request used here (its types are not installed). */
interface Request extends IncomingMessage {
  path?: string;
  protocol?: string;
  route?: { path?: unknown };
}

// Any other method would let a caller grow the span names without bound (the conventions' `_OTHER`).
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Probes every few seconds from every kubelet: spans nobody reads. */
const UNTRACED_PREFIX = '/health';

export function requestSpanMiddleware() {
  const tracer = trace.getTracer('checkout-recovery-api');
  return (req: Request, res: ServerResponse, next: () => void): void => {
    if ((req.path ?? '').startsWith(UNTRACED_PREFIX)) {
      next();
      return;
    }
    const method = req.method && KNOWN_METHODS.has(req.method) ? req.method : HTTP_REQUEST_METHOD_VALUE_OTHER;
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      method === HTTP_REQUEST_METHOD_VALUE_OTHER ? 'HTTP' : method,
      {
        kind: SpanKind.SERVER,
        attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_SCHEME]: req.protocol ?? 'http' },
      },
      parent,
    );
    const active = trace.setSpan(parent, span);
    // A slow body reaches the parsers through the request's events, outside this call: bound emitters
    // run their listeners in the span's context (as the http instrumentation binds them), so the
    // handler's client calls stay its children whatever emits those events.
    context.bind(active, req);
    context.bind(active, res);
    res.once('close', () => {
      // Express sets req.route once a route matched; unmatched requests keep the bare method.
      const route = typeof req.route?.path === 'string' ? req.route.path : undefined;
      if (route) {
        span.updateName(`${method === HTTP_REQUEST_METHOD_VALUE_OTHER ? 'HTTP' : method} ${route}`);
        span.setAttribute(ATTR_HTTP_ROUTE, route);
      }
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (!res.writableFinished) {
        // The client went away before the answer was complete.
        span.setAttribute(ATTR_ERROR_TYPE, 'aborted');
        span.setStatus({ code: SpanStatusCode.ERROR });
      } else if (res.statusCode >= 500) {
        // A server span fails on 5xx only; a 4xx is the caller's error (the HTTP conventions).
        span.setAttribute(ATTR_ERROR_TYPE, String(res.statusCode));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    });
    context.with(active, next);
  };
}
