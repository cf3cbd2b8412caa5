// The dashboard's sign-in: the API key typed once into a form, then a cookie. The cookie holds a
// token derived from the key (an HMAC), never the key itself: it opens the dashboard, not the API.
import { createHmac } from 'node:crypto';
import type { Headers } from '../http/api-key.guard';

export const SESSION_COOKIE = 'cr_dashboard';
/** A working day; then the key is asked again. */
export const SESSION_MAX_AGE_S = 12 * 3600;
const CONTEXT = 'checkout-recovery/dashboard-session/v1';

export const sessionToken = (apiKey: string) => createHmac('sha256', apiKey).update(CONTEXT).digest('base64url');

/** The named cookie's value from the Cookie header; undefined when absent or malformed. */
export function cookieValue(headers: Headers, name: string): string | undefined {
  const raw = headers.cookie;
  if (typeof raw !== 'string') return undefined;
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), only for the dashboard's paths. */
export function sessionCookie(apiKey: string, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${sessionToken(apiKey)}`,
    'Path=/dashboard',
    `Max-Age=${SESSION_MAX_AGE_S}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export const clearedSessionCookie = () => `${SESSION_COOKIE}=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Strict`;
