import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

// RFC 8058's one-click POST is the one form a mail client sends ("List-Unsubscribe=One-Click"):
// a few bytes, so the form parser's limit is small.
const FORM_LIMIT = '2kb';
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

interface BodyRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

// Express's body parser reports bad JSON as a SyntaxError marked `entity.parse.failed`.
function isJsonParseError(err: unknown): err is SyntaxError {
  return err instanceof SyntaxError && (err as { type?: unknown }).type === 'entity.parse.failed';
}

/** A body parser's own errors (too large, bad charset…) carry a 4xx status and a `type`. */
function parserStatus(err: unknown): number | undefined {
  const e = err as { status?: unknown; type?: unknown } | null;
  return typeof e?.type === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500
    ? e.status
    : undefined;
}

/** The HTML forms' targets: RFC 8058's one-click unsubscribe, the dashboard's sign-in. */
const FORM_PATHS = ['/unsubscribe', '/dashboard/sign-in'];
// The one-click checkout page's "Place order" is a plain form too (it works without JavaScript).
const CHECKOUT_PAGE_PATH = /^\/c\/[^/]+$/;

/** JSON everywhere; a urlencoded form only where an HTML form posts (FORM_PATHS). */
function mediaTypeRefusal(req: BodyRequest): string | undefined {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length === 0 && req.headers['transfer-encoding'] === undefined) return undefined; // no body
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (type && JSON_TYPE.test(type)) return undefined;
  const form = FORM_PATHS.includes(req.path) || CHECKOUT_PAGE_PATH.test(req.path);
  if (type === 'application/x-www-form-urlencoded' && req.method === 'POST' && form) return undefined;
  return `a request body must be application/json${form ? ' or application/x-www-form-urlencoded' : ''}`;
}

/**
 * Registers the body parsers (JSON for the API, urlencoded for one-click unsubscribe posts) behind
 * a media type check (415), and turns their errors into 4xx answers passed on to the exception
 * filter: malformed JSON 400, a body over the limit 413, a charset or encoding they cannot read 415.
 */
export function useBodyParsers(app: NestExpressApplication): void {
  app.use((req: BodyRequest, _res: unknown, next: (err?: unknown) => void) => {
    const refusal = mediaTypeRefusal(req);
    next(refusal ? new UnsupportedMediaTypeException(refusal) : undefined);
  });
  app.useBodyParser('json');
  app.useBodyParser('urlencoded', { extended: false, limit: FORM_LIMIT });
  app.use((err: unknown, _req: unknown, _res: unknown, next: (err?: unknown) => void) => {
    if (isJsonParseError(err)) return next(new BadRequestException(`Malformed JSON in request body: ${err.message}`));
    const status = parserStatus(err);
    if (status === 413) return next(new PayloadTooLargeException('request body too large'));
    if (status === 415) return next(new UnsupportedMediaTypeException('unsupported body charset or encoding'));
    if (status !== undefined) return next(new HttpException('unreadable request body', status));
    next(err);
  });
}
