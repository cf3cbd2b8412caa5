// The links a reminder carries, signed at send time: the resume button goes through the API
// (GET /r/<token>, which redirects to the shop), the unsubscribe link and List-Unsubscribe header
// to /unsubscribe?token=<token>. Each expires counted from the send.

import { signLink } from '../apps/shared/link-token';
import type { Checkout } from '../common/checkout';
import { requireHttpUrl } from './templates/layout';

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
