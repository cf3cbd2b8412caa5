// Limits on the public and the costly routes, before any body is read: per client address on the
// links in emails (/unsubscribe, /r/<token>, the checkout page /c/<token>…) and /health, per link
// token on the links (the checkout page's address suggestions, a billed lookup per keystroke pause,
// have their own per-token bucket), per client address and per API key on the authenticated
// writes. Over the limit: 429 with Retry-After, and nothing else is done.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RateLimitConfig } from '../../../config/rate-limits';
import { correlationIdOf } from './correlation-id';
import { htmlPage } from './html-page';
import { TokenBuckets } from './token-buckets';

interface Request {
  method: string;
  path: string;
  ip?: string;
  socket: { remoteAddress?: string };
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

interface Response {
  status(code: number): Response;
  setHeader(name: string, value: string): void;
  type(contentType: string): Response;
  send(body: string): void;
}

type Next = (err?: unknown) => void;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * The checkout page's token: the path segment after /c/ (its scripts under /c/assets/ are static),
 * decoded as the router decodes it, which also matches the prefix without regard to case.
 */
const checkoutPageToken = (path: string): string | undefined => {
  const lower = path.toLowerCase();
  if (!lower.startsWith('/c/') || lower.startsWith('/c/assets/')) return undefined;
  const segment = path.slice(3).split('/')[0];
  if (!segment) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};
/** Keys are digests: no token or API key is kept in memory as given. */
const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

function presentedKey(headers: Request['headers']): string | undefined {
  const direct = headers['x-api-key'];
  if (typeof direct === 'string') return direct;
  return /^Bearer\s+(.+)$/i.exec(String(headers.authorization ?? ''))?.[1]?.trim();
}

/** What the limits need to know of a request's path, worked out once per request. */
interface RouteKind {
  health: boolean;
  /** A link from an email or the checkout page: limited per client and per token. */
  link: boolean;
  /** The checkout page's address suggestions: a bucket of their own per token. */
  addressSuggestions: boolean;
  token: string | undefined;
}

function routeKind(req: Request): RouteKind {
  const { path } = req;
  const page = checkoutPageToken(path);
  const redirect = path.startsWith('/r/');
  const link = path === '/unsubscribe' || redirect || page !== undefined;
  const queryToken = typeof req.query.token === 'string' ? req.query.token : undefined;
  return {
    health: path === '/health' || path.startsWith('/health/'),
    link,
    addressSuggestions: page !== undefined && /^\/c\/[^/]+\/addresses\/?$/i.test(path),
    token: !link ? undefined : redirect ? path.slice(3) : (page ?? queryToken),
  };
}

export function rateLimitMiddleware(limits: RateLimitConfig) {
  const buckets = (spec: RateLimitConfig['public']) => (spec ? new TokenBuckets(spec) : undefined);
  const publicByClient = buckets(limits.public);
  const byLink = buckets(limits.perLink);
  const suggestionsByLink = buckets(limits.addressSuggestions);
  const writesByClient = buckets(limits.writes);
  const writesByKey = buckets(limits.writes);

  const tooMany = (req: Request, route: RouteKind, res: Response, waitMs: number) => {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    res.setHeader('Retry-After', String(seconds));
    res.setHeader('Cache-Control', 'no-store');
    if (route.link && !route.addressSuggestions) {
      // Shoppers follow these links in a browser: a page, not JSON.
      const page = htmlPage(429, 'Please wait a moment', '<p>Too many requests. Please try again in a minute.</p>');
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
          correlationId: correlationIdOf(req as unknown as IncomingMessage),
        }),
      );
  };

  return (req: Request, res: Response, next: Next): void => {
    const client = `c:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    const checks: Array<[TokenBuckets | undefined, string]> = [];
    const route = routeKind(req);
    if (route.link || route.health) {
      checks.push([publicByClient, `${route.health ? 'h' : 'l'}${client}`]);
      if (route.token) {
        if (route.addressSuggestions) checks.push([suggestionsByLink, `a:${digest(route.token)}`]);
        else checks.push([byLink, digest(route.token)]);
      }
    } else if (WRITE_METHODS.has(req.method)) {
      checks.push([writesByClient, client]);
      const key = presentedKey(req.headers);
      if (key) checks.push([writesByKey, digest(key)]);
    }
    for (const [bucket, key] of checks) {
      const waitMs = bucket?.take(key) ?? 0;
      if (waitMs > 0) {
        tooMany(req, route, res, waitMs);
        return;
      }
    }
    next();
  };
}
