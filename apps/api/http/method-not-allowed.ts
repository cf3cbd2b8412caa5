import { MethodNotAllowedException } from '@nestjs/common';

/** The parts of Express's router this reads: its layers, each with the route it serves (if any). */
interface RouteLayer {
  match(path: string): unknown;
  route?: { methods: Record<string, boolean | undefined> };
}
interface ExpressApp {
  router: { stack: RouteLayer[] };
}
interface MethodRequest {
  method: string;
  path: string;
}
interface AllowResponse {
  setHeader(name: string, value: string): void;
}

/** The methods the app's routes answer on `path`, upper-case; HEAD wherever GET is. Empty: an unknown path. */
export function allowedMethods(app: ExpressApp, path: string): string[] {
  const methods = new Set<string>();
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
export function methodNotAllowedMiddleware(app: ExpressApp) {
  return (req: MethodRequest, res: AllowResponse, next: (err?: unknown) => void): void => {
    const allowed = allowedMethods(app, req.path);
    if (allowed.length === 0 || allowed.includes(req.method)) {
      next();
      return;
    }
    res.setHeader('Allow', allowed.join(', '));
    next(new MethodNotAllowedException(`${req.method} is not allowed on ${req.path}; allowed: ${allowed.join(', ')}`));
  };
}
