// Every response carries a correlation id (header, and the body of every error) that the logs
// carry too, so a shop's support can find what happened to one request. A caller's own id is kept
// when it is a plain token; anything else is replaced.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_HEADER = 'x-correlation-id';
const PLAIN_ID = /^[A-Za-z0-9._-]{1,64}$/;
const ids = new WeakMap<IncomingMessage, string>();

export function correlationIdMiddleware() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const given = req.headers[CORRELATION_HEADER];
    const id = typeof given === 'string' && PLAIN_ID.test(given) ? given : randomUUID();
    ids.set(req, id);
    res.setHeader(CORRELATION_HEADER, id);
    next();
  };
}

/** The request's id (one is made if the middleware did not run, e.g. in a unit test). */
export function correlationIdOf(req: IncomingMessage): string {
  let id = ids.get(req);
  if (!id) {
    id = randomUUID();
    ids.set(req, id);
  }
  return id;
}
