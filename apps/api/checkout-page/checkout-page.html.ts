// The one-click checkout page, its 3-D Secure step and its confirmation: server-rendered, one small
// style sheet (allowed by its hash), plain forms that work without JavaScript; scripts of this app
// (/c/assets/) and Stripe.js only enhance them. Everything from outside (names, addresses, reasons) is escaped.
import type { SavedAddress, SavedPaymentMethod } from '../../../checkout/customer-vault';
import type { NextAction } from '../../../checkout/payments/payment-provider';
import type { Checkout } from '../../../common/checkout';
import type { OrderOutcome } from '../../../common/order-placement';
import { escapeHtml, type HtmlPage } from '../http/html-page';

export const CHECKOUT_PAGE_STYLE = `*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f6f6f4;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.1rem;margin:0 0 .5rem}
section,fieldset{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem;margin:0 0 1rem;min-width:0}
legend{font-weight:600;padding:0 .25rem}
ul{list-style:none;margin:0;padding:0}
.line{display:flex;gap:.75rem;align-items:center;padding:.5rem 0;border-top:1px solid #eee}
.line:first-child{border-top:0}
.line img{width:64px;height:64px;object-fit:cover;border-radius:.25rem;flex:none;background:#eee}
.line .name{flex:1;min-width:0;overflow-wrap:anywhere}
.total{display:flex;justify-content:space-between;font-weight:700;padding-top:.5rem;border-top:1px solid #ddd}
label.choice{display:flex;gap:.5rem;align-items:flex-start;padding:.5rem;border-radius:.25rem;cursor:pointer}
label.choice:hover{background:#f2f2f2}
label.choice span{overflow-wrap:anywhere;min-width:0}
input[type=radio]{margin-top:.3rem;flex:none}
.alert{background:#fdecea;border:1px solid #f5c2c0;color:#8a1c14;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem}
.ok{background:#e8f5e9;border:1px solid #b7dfb9;color:#1b5e20;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem}
button{width:100%;font-size:1.1rem;font-weight:600;padding:.9rem;border:0;border-radius:.5rem;background:#1d4ed8;color:#fff;cursor:pointer}
a.button{display:block;text-align:center;font-size:1.1rem;font-weight:600;padding:.9rem;border-radius:.5rem;background:#1d4ed8;color:#fff;text-decoration:none}
button:disabled{opacity:.6;cursor:progress}
button:focus-visible,input:focus-visible,a.button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.muted{color:#555;font-size:.9rem}
.new-address{padding:0 .5rem .5rem 2rem;position:relative}
fieldset:has(input[value=new]:not(:checked)) .new-address{display:none}
label.field{display:block;margin:.5rem 0 0;font-size:.9rem}
label.field input{display:block;width:100%;font-size:1rem;padding:.6rem;border:1px solid #bbb;border-radius:.25rem;margin-top:.2rem}
[role=listbox]{list-style:none;margin:.25rem 0 0;padding:0;border:1px solid #bbb;border-radius:.25rem;background:#fff}
[role=option]{padding:.6rem;cursor:pointer;overflow-wrap:anywhere;border-top:1px solid #eee}
[role=option]:first-child{border-top:0}
[role=option][aria-selected=true],[role=option]:hover{background:#e8efff}`;

function money(amount: number, currency: string, locale: string | undefined): string {
  try {
    return new Intl.NumberFormat(locale ?? 'en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** A page that reloads itself after `seconds`, from `url` (empty: the same address). */
export interface PageRefresh {
  seconds: number;
  url: string;
}

/**
 * While an order is being placed the page reloads itself, each time twice as late (2, 4, 8, 16, then
 * every 30 s): a placement that takes long stays within the per-link rate limit (10 a minute)
 * instead of meeting a 429 page. `wait` is the reload's count so far, carried in the URL.
 */
export function pendingRefresh(pageUrl: string, wait: number): PageRefresh {
  const n = Math.min(Math.max(Math.trunc(wait) || 0, 0), 4);
  return { seconds: Math.min(2 ** (n + 1), 30), url: `${pageUrl}?wait=${Math.min(n + 1, 4)}` };
}

function page(status: number, title: string, body: string, refresh?: PageRefresh, scripts = ''): HtmlPage {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">${refresh ? `<meta http-equiv="refresh" content="${refresh.seconds}${refresh.url ? `;url=${escapeHtml(refresh.url)}` : ''}">` : ''}
<title>${escapeHtml(title)}</title>
<style>${CHECKOUT_PAGE_STYLE}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>${scripts}</body>
</html>
`;
  return { status, html };
}

// A neutral square where the shop gave no image (an inline SVG, allowed by the page's img-src).
const NO_IMAGE =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='64' height='64'%3E%3Crect width='64' height='64' fill='%23e5e5e5'/%3E%3C/svg%3E";

function cartSection(checkout: Checkout): string {
  const locale = checkout.customer.locale;
  const { cart } = checkout;
  const lines = cart.items
    .map(
      (
        item,
      ) => `<li class="line"><img src="${escapeHtml(item.imageUrl ?? NO_IMAGE)}" alt="${escapeHtml(item.name)}" width="64" height="64">
<span class="name">${escapeHtml(item.name)} <span class="muted">× ${item.quantity}</span></span>
<span>${escapeHtml(money(item.unitPrice * item.quantity, cart.currency, locale))}</span></li>`,
    )
    .join('\n');
  return `<section aria-labelledby="cart-h"><h2 id="cart-h">Your cart</h2><ul>${lines}</ul>
<p class="total"><span>Total</span><span>${escapeHtml(money(cart.total, cart.currency, locale))}</span></p></section>`;
}

export interface CheckoutPageView {
  checkout: Checkout;
  addresses: SavedAddress[];
  methods: SavedPaymentMethod[];
  /** The last attempt's outcome, when it did not place the order. */
  last: OrderOutcome | { status: 'pending' } | undefined;
  /** Where the new-address field asks for suggestions (the page's own /c/<token>/addresses). */
  suggestUrl: string;
  /** The shopper's autocomplete session (hosted providers bill per session). */
  session: string;
  /** A new address that failed its country's rules: what to say, and what the shopper typed. */
  addressError?: { message: string; typed: Record<string, string> };
  /** While the order is being placed: when and from where the page reloads itself. */
  pendingRefresh?: PageRefresh;
}

export function checkoutPage({
  checkout,
  addresses,
  methods,
  last,
  suggestUrl,
  session,
  addressError,
  pendingRefresh,
}: CheckoutPageView): HtmlPage {
  const pending = last?.status === 'pending';
  const alert =
    last && (last.status === 'declined' || last.status === 'failed' || last.status === 'requires_action')
      ? `<div class="alert" role="alert"><strong>Your order was not placed.</strong> ${escapeHtml(last.reason)}${
          last.status === 'declined' && !last.retryable ? ' Please choose another payment method.' : ''
        }</div>`
      : pending
        ? '<div class="ok" role="status">Your order is being placed… this page refreshes by itself.</div>'
        : addressError
          ? `<div class="alert" role="alert"><strong>Your order was not placed.</strong> ${escapeHtml(addressError.message)}</div>`
          : '';
  const chosenMethod =
    (last?.status === 'declined' && last.paymentMethodId) || methods.find((m) => m.isDefault)?.id || methods[0]?.id;
  const chosenAddress = addressError ? NEW_ADDRESS : (addresses.find((a) => a.isDefault)?.id ?? addresses[0]?.id);
  const addressChoices = addresses
    .map(
      (
        a,
      ) => `<label class="choice"><input type="radio" name="addressId" value="${escapeHtml(a.id)}"${a.id === chosenAddress ? ' checked' : ''} required>
<span>${a.formatted.map(escapeHtml).join('<br>')}</span></label>`,
    )
    .join('\n');
  const methodChoices = methods
    .map(
      (
        m,
      ) => `<label class="choice"><input type="radio" name="paymentMethodId" value="${escapeHtml(m.id)}"${m.id === chosenMethod ? ' checked' : ''} required>
<span>${escapeHtml(m.brand.toUpperCase())} ending in ${escapeHtml(m.last4)} <span class="muted">(expires ${String(m.expMonth).padStart(2, '0')}/${m.expYear})</span></span></label>`,
    )
    .join('\n');
  const country = addressError?.typed.country ?? addresses[0]?.country ?? 'DE';
  const newAddress = newAddressChoice({
    checked: chosenAddress === NEW_ADDRESS || addresses.length === 0,
    typed: addressError?.typed ?? { country },
    suggestUrl,
    session,
  });
  const canOrder = methods.length > 0 && !pending;
  const form = canOrder
    ? `<form method="post">
<fieldset><legend>Ship to</legend>${addressChoices}${newAddress}</fieldset>
<fieldset><legend>Pay with</legend>${methodChoices}</fieldset>
<button type="submit">Place order · ${escapeHtml(money(checkout.cart.total, checkout.cart.currency, checkout.customer.locale))}</button>
</form>`
    : pending
      ? ''
      : `<p>We have no saved address or payment method for you. <a href="${escapeHtml(checkout.checkoutUrl)}">Continue at the shop</a>.</p>`;
  return page(
    200,
    'Complete your order',
    `${alert}${cartSection(checkout)}${form}`,
    pending ? (pendingRefresh ?? { seconds: 2, url: '' }) : undefined,
    canOrder ? '<script src="/c/assets/address-autocomplete.js"></script>' : '',
  );
}

/** The radio value of "ship to a new address" (saved ids never look like it). */
export const NEW_ADDRESS = 'new';
/** The new address's fields, in the order a shopper fills them. */
export const NEW_ADDRESS_FIELDS = [
  ['name', 'Full name', 'name'],
  ['line1', 'Street and number', 'address-line1'],
  ['line2', 'Flat, floor (optional)', 'address-line2'],
  ['postalCode', 'Postcode', 'postal-code'],
  ['city', 'City', 'address-level2'],
  ['region', 'State or region (if any)', 'address-level1'],
  ['country', 'Country (2 letters, e.g. DE)', 'country'],
] as const;

/**
 * "Ship to a new address": plain fields that work without JavaScript (checked against the
 * country's rules when posted); the page's script turns the street field into a combobox that
 * fills the others from the suggestions.
 */
function newAddressChoice(o: {
  checked: boolean;
  typed: Record<string, string>;
  suggestUrl: string;
  session: string;
}): string {
  const fields = NEW_ADDRESS_FIELDS.map(([name, label, autocomplete]) => {
    const value = o.typed[name] ?? '';
    const combo =
      name === 'line1'
        ? ` role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="address-suggestions" data-suggest="${escapeHtml(o.suggestUrl)}"`
        : '';
    return `<label class="field">${label}<input name="${name}" id="address-${name}" autocomplete="${autocomplete}" value="${escapeHtml(value)}"${combo}></label>${
      name === 'line1'
        ? '<ul id="address-suggestions" role="listbox" aria-label="Suggested addresses" hidden></ul>'
        : ''
    }`;
  }).join('\n');
  return `<label class="choice"><input type="radio" name="addressId" value="${NEW_ADDRESS}"${o.checked ? ' checked' : ''} required>
<span>Ship to a new address</span></label>
<div class="new-address"><input type="hidden" name="session" value="${escapeHtml(o.session)}">
${fields}</div>`;
}

export function confirmationPage(checkout: Checkout, outcome: Extract<OrderOutcome, { status: 'placed' }>): HtmlPage {
  return page(
    200,
    'Thank you, your order is placed',
    `<div class="ok" role="status">Order <strong>${escapeHtml(outcome.orderId)}</strong>: ${escapeHtml(
      money(outcome.total, outcome.currency, checkout.customer.locale),
    )} paid. A confirmation is on its way to your inbox.</div>${cartSection(checkout)}`,
  );
}

export interface AuthenticationView {
  checkout: Checkout;
  outcome: Extract<OrderOutcome, { status: 'requires_action' }>;
  /** The provider's next action; undefined: nothing the page can run (the wait runs out). */
  nextAction: NextAction | undefined;
  /** Stripe.js to run a `stripe_sdk` action with; undefined: not configured (STRIPE_PUBLISHABLE_KEY). */
  stripeJs: { publishableKey: string; url: string } | undefined;
  /** Where the shopper's return is posted (the page's own /c/<token>/authenticated). */
  returnAction: string;
}

/**
 * The bank wants 3-D Secure: one button runs the provider's step (Stripe.js, then the form posts
 * back), or follows the bank's redirect. Without JavaScript the button posts back at once and the
 * saga reads the payment again: a step done elsewhere (the bank's app) still places the order.
 */
export function authenticationPage({
  checkout,
  outcome,
  nextAction,
  stripeJs,
  returnAction,
}: AuthenticationView): HtmlPage {
  const until = outcome.until ? new Date(outcome.until) : undefined;
  const minutes = until ? Math.max(1, Math.round((until.getTime() - Date.now()) / 60_000)) : undefined;
  const intro = `<div class="ok" role="status"><strong>${escapeHtml(outcome.reason)}</strong>${
    minutes ? ` Your order is held for ${minutes} more minute${minutes === 1 ? '' : 's'}.` : ''
  }</div>`;
  const sdk = nextAction?.kind === 'stripe_sdk' && stripeJs ? nextAction : undefined;
  const action =
    nextAction?.kind === 'redirect'
      ? `<p><a class="button" href="${escapeHtml(nextAction.url)}">Confirm with your bank</a></p>`
      : `<form method="post" action="${escapeHtml(returnAction)}" id="authenticate"${
          sdk && stripeJs
            ? ` data-key="${escapeHtml(stripeJs.publishableKey)}" data-secret="${escapeHtml(sdk.clientSecret)}"`
            : ''
        }>
<button type="submit">Confirm with your bank</button>
<p class="muted">Already confirmed in your bank's app? The same button checks again.</p>
</form>`;
  const scripts =
    sdk && stripeJs
      ? `<script src="${escapeHtml(stripeJs.url)}"></script><script src="/c/assets/authenticate.js"></script>`
      : '';
  return page(200, 'Confirm your payment', `${intro}${cartSection(checkout)}${action}`, undefined, scripts);
}
