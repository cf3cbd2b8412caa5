// Response headers against framing, sniffing and injected content (helmet), on every response, and
// a CSP for the shopper pages that allows nothing but their own inline style and form (and, on the
// checkout page, its own scripts and Stripe.js).
import { createHash } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { CHECKOUT_PAGE_STYLE } from '../checkout-page/checkout-page.html';
import { PAGE_STYLE } from './html-page';

/** Where the HTML pages behind links in emails are served. */
const PAGE_ROUTES = ['/unsubscribe', '/r'];

const styleHash = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

export const PAGE_CSP = {
  'default-src': ["'none'"],
  'style-src': [styleHash],
  // The unsubscribe page's one form posts back to this API.
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
};

/**
 * The dashboard: no script at all, nothing fetched; inline styles only (its sheet, and the
 * style attributes in ECharts' server-rendered SVG).
 */
export const DASHBOARD_CSP = {
  'default-src': ["'none'"],
  'style-src': ["'unsafe-inline'"],
  'img-src': ['data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
};

const checkoutStyleHash = `'sha256-${createHash('sha256').update(CHECKOUT_PAGE_STYLE).digest('base64')}'`;

/**
 * The checkout page (/c/<token>): its own style sheet, the cart's images from the shop (https) or
 * inline, its own scripts ('self', under /c/assets/), and Stripe.js where a 3-D Secure step is run
 * (`stripeJsUrl`): Stripe's security guide asks for script-src js.stripe.com, connect-src
 * api.stripe.com and frame-src js.stripe.com and hooks.stripe.com; localstripe's Stripe.js is
 * served by localstripe and talks to it (https://docs.stripe.com/security/guide#content-security-policy).
 */
export function checkoutPageCsp(stripeJsUrl?: string) {
  const stripe = stripeJsUrl ? new URL(stripeJsUrl) : undefined;
  const real = stripe?.hostname === 'js.stripe.com';
  return {
    ...PAGE_CSP,
    'style-src': [checkoutStyleHash],
    'img-src': ['https:', 'data:'],
    'script-src': ["'self'", ...(stripe ? [stripe.origin] : [])],
    'connect-src': ["'self'", ...(stripe ? [real ? 'https://api.stripe.com' : stripe.origin] : [])],
    ...(real && { 'frame-src': ['https://js.stripe.com', 'https://hooks.stripe.com'] }),
  };
}

export function useSecurityHeaders(app: NestExpressApplication, stripeJsUrl?: string): void {
  app.use(
    helmet({
      // helmet's default CSP (scripts and styles from 'self') keeps Swagger UI at /docs working.
      contentSecurityPolicy: {
        directives: { 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': null },
      },
      frameguard: { action: 'deny' },
      // Whether the API is reached over TLS is the proxy's to know and to declare.
      strictTransportSecurity: false,
    }),
  );
  app.use(PAGE_ROUTES, helmet.contentSecurityPolicy({ useDefaults: false, directives: PAGE_CSP }));
  app.use('/dashboard', helmet.contentSecurityPolicy({ useDefaults: false, directives: DASHBOARD_CSP }));
  app.use('/c', helmet.contentSecurityPolicy({ useDefaults: false, directives: checkoutPageCsp(stripeJsUrl) }));
}
