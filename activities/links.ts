// The links a reminder carries, signed at send time: the resume button goes through the API
// (GET /r/<token>, which redirects to the shop), the unsubscribe link and List-Unsubscribe header
// to /unsubscribe?token=<token>. Each expires counted from the send.

import { createHmac } from 'node:crypto';
import { signLink } from '../apps/shared/link-token';
import type { Checkout } from '../common/checkout';
import type { ShortLinks } from '../storage/short-links';
import { requireHttpUrl } from './templates/parts';

export interface LinkSettings {
  /** Base URL of the API as shoppers reach it (PUBLIC_API_URL). */
  publicUrl: string;
  /** The first signs; see config/env.ts. */
  secrets: readonly string[];
  resumeTtlMs: number;
  unsubscribeTtlMs: number;
  /**
   * CHECKOUT_PAGE=on: the resume button opens this app's one-click checkout page (/c/<token>)
   * instead of redirecting to the shop's checkout URL (/r/<token>). The token is the same.
   */
  checkoutPage?: boolean;
}

export interface ReminderLinks {
  resumeUrl: string;
  unsubscribeUrl: string;
}

const base = (publicUrl: string) => publicUrl.replace(/\/$/, '');

export const resumeUrl = (publicUrl: string, token: string, checkoutPage = false) =>
  `${base(publicUrl)}/${checkoutPage ? 'c' : 'r'}/${token}`;

/** The API serves GET (a confirm page) and POST (RFC 8058 one-click) at this address. */
export const unsubscribeUrl = (publicUrl: string, token: string) => `${base(publicUrl)}/unsubscribe?token=${token}`;

export function reminderLinks(
  settings: LinkSettings,
  checkout: Checkout,
  step: number,
  now: number = Date.now(),
): ReminderLinks {
  // The workflow validates checkout URLs; a signed redirect to anything but http(s) must not exist.
  const target = requireHttpUrl(checkout.checkoutUrl, 'checkoutUrl');
  const common = { checkoutId: checkout.checkoutId, customerId: checkout.customer.id, step };
  const expiry = (ttlMs: number) => Math.floor((now + ttlMs) / 1000);
  return {
    resumeUrl: resumeUrl(
      settings.publicUrl,
      signLink({ ...common, purpose: 'resume', expiresAt: expiry(settings.resumeTtlMs), target }, settings.secrets),
      settings.checkoutPage,
    ),
    unsubscribeUrl: unsubscribeUrl(
      settings.publicUrl,
      signLink({ ...common, purpose: 'unsubscribe', expiresAt: expiry(settings.unsubscribeTtlMs) }, settings.secrets),
    ),
  };
}

/** What a short link id looks like: 10 base64url characters (a signed token is far longer and has a dot). */
export const SHORT_LINK_ID = /^[A-Za-z0-9_-]{10}$/;

/**
 * The id of a checkout step's short link: an HMAC, so a retried send writes the same row and nobody
 * can guess another checkout's id (60 bits).
 */
export function shortLinkId(secret: string, checkoutId: string, step: number): string {
  return createHmac('sha256', secret).update(`short-link:${checkoutId}:${step}`).digest('base64url').slice(0, 10);
}

/**
 * The short form of a signed resume link (`/r/<id>`) for texts: the signed token is kept server-side
 * under the id, and the API verifies it as it verifies the long link (same expiry, same checks).
 */
export async function shortResumeUrl(
  settings: LinkSettings,
  store: ShortLinks,
  checkout: Pick<Checkout, 'checkoutId'>,
  step: number,
  signedResumeUrl: string,
  now: number = Date.now(),
): Promise<string> {
  const prefix = resumeUrl(settings.publicUrl, '');
  if (!signedResumeUrl.startsWith(prefix)) throw new Error('the resume link to shorten is not this API’s');
  const id = shortLinkId(settings.secrets[0] ?? '', checkout.checkoutId, step);
  await store.save(id, signedResumeUrl.slice(prefix.length), new Date(now + settings.resumeTtlMs));
  return resumeUrl(settings.publicUrl, id);
}
