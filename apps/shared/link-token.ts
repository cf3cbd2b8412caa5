// Signed, expiring link tokens for the resume and unsubscribe links in reminder emails.
// A token is `<payload>.<signature>`, both base64url: the payload is compact JSON, the signature
// HMAC-SHA256 over it. The first secret signs and every secret verifies, so a secret can be
// rotated without breaking links already in inboxes. Node only (node:crypto): not for workflows.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'resume' | 'unsubscribe';

export interface LinkClaims {
  purpose: LinkPurpose;
  checkoutId: string;
  customerId: string;
  /** The reminder step whose email carried the link. */
  step: number;
  /** Unix time in seconds from which the link no longer works. */
  expiresAt: number;
  /** Resume links only: the shop's checkout URL, so the API can redirect without asking Temporal. */
  target?: string;
}

export type LinkRejection = 'malformed' | 'tampered' | 'wrong-purpose' | 'expired';

export type LinkVerdict =
  | { ok: true; claims: LinkClaims }
  | { ok: false; reason: Exclude<LinkRejection, 'expired'> }
  /** Genuine but too old: the claims are trustworthy, only their time is up. */
  | { ok: false; reason: 'expired'; claims: LinkClaims };

const FORMAT_VERSION = 1;
// Binds a signature to this use, in case a secret is ever shared with something else.
const SIGNING_CONTEXT = 'checkout-recovery/link/v1.';
// Checkout URLs are short; anything much longer is not ours and not worth hashing.
export const MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const PURPOSE_CODES: Record<LinkPurpose, string> = { resume: 'r', unsubscribe: 'u' };

interface WirePayload {
  v: number;
  p: string;
  c: string;
  u: string;
  s: number;
  e: number;
  t?: string;
}

function signature(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(SIGNING_CONTEXT).update(payload).digest();
}

export function signLink(claims: LinkClaims, secrets: readonly string[]): string {
  const [current] = secrets;
  if (!current) throw new Error('no link signing secret');
  const wire: WirePayload = {
    v: FORMAT_VERSION,
    p: PURPOSE_CODES[claims.purpose],
    c: claims.checkoutId,
    u: claims.customerId,
    s: claims.step,
    e: claims.expiresAt,
    ...(claims.target !== undefined && { t: claims.target }),
  };
  const payload = Buffer.from(JSON.stringify(wire)).toString('base64url');
  return `${payload}.${signature(payload, current).toString('base64url')}`;
}

/** Checks the signature against every secret, then the purpose, then the expiry. Never throws. */
export function verifyLink(
  token: unknown,
  purpose: LinkPurpose,
  secrets: readonly string[],
  now: number = Date.now(),
): LinkVerdict {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const [payload, sig, ...rest] = token.split('.');
  if (!payload || !sig || rest.length > 0 || !BASE64URL.test(payload) || !BASE64URL.test(sig))
    return { ok: false, reason: 'malformed' };
  const presented = Buffer.from(sig, 'base64url');
  // One spelling per signature: Node's decoder ignores the unused low bits of the last character,
  // so without this several tokens verify as one (a link could be varied past a blocklist or cache).
  if (presented.toString('base64url') !== sig) return { ok: false, reason: 'malformed' };
  const genuine = secrets.some((secret) => {
    const expected = signature(payload, secret);
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  });
  if (!genuine) return { ok: false, reason: 'tampered' };

  const claims = decodeClaims(payload);
  // Signed by us yet unreadable: a future format, or a bug. Either way not a link we can follow.
  if (!claims) return { ok: false, reason: 'malformed' };
  if (claims.purpose !== purpose) return { ok: false, reason: 'wrong-purpose' };
  if (Math.floor(now / 1000) >= claims.expiresAt) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

function decodeClaims(payload: string): LinkClaims | undefined {
  let wire: Partial<WirePayload>;
  try {
    wire = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<WirePayload>;
  } catch {
    return undefined;
  }
  if (typeof wire !== 'object' || wire === null || wire.v !== FORMAT_VERSION) return undefined;
  const purpose = (Object.keys(PURPOSE_CODES) as LinkPurpose[]).find((p) => PURPOSE_CODES[p] === wire.p);
  const { c, u, s, e, t } = wire;
  if (!purpose || typeof c !== 'string' || !c || typeof u !== 'string') return undefined;
  if (!Number.isSafeInteger(s) || !Number.isSafeInteger(e)) return undefined;
  if (t !== undefined && typeof t !== 'string') return undefined;
  if (purpose === 'resume' && !t) return undefined;
  return {
    purpose,
    checkoutId: c,
    customerId: u,
    step: s as number,
    expiresAt: e as number,
    ...(t !== undefined && { target: t }),
  };
}
