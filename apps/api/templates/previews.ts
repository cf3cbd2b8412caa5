// Every template rendered with sample data, as a shop checks its wording (and its overrides)
// before a shopper sees it: emails as sent, texts and pushes in a small page, the link pages as served.
import { pushNotification } from '../../../activities/channels/push-channel';
import { renderOrderConfirmation, renderReminder } from '../../../activities/templates';
import { CATALOGUES, MESSAGE_KEYS, NAMESPACES, variablesOf } from '../../../activities/templates/i18n/catalogues';
import { LOCALES, type Locale } from '../../../activities/templates/i18n/locales';
import { reasonNote } from '../../../activities/templates/reason-note';
import { offerLine, renderSms } from '../../../activities/templates/sms';
import type { Checkout } from '../../../common/checkout';
import type { AbandonReason, CheckoutProgress } from '../../../common/checkout-events';
import type { IssuedOffer } from '../../../common/discount-offer';
import { type SmsSegments, smsSegments } from '../../../common/sms-segments';
import type { BrandConfig } from '../../../config/brand';
import { escapeHtml, htmlPage } from '../http/html-page';
import { rejectedLinkPage } from '../links/link-pages';
import { confirmPage } from '../unsubscribe/unsubscribe-pages';

export const PREVIEW_TEMPLATES = [
  'friendly',
  'cart',
  'last-chance',
  'order-confirmation',
  'sms',
  'push',
  'unsubscribe-page',
  'link-page',
] as const;
export type PreviewTemplate = (typeof PREVIEW_TEMPLATES)[number];
export const PREVIEW_REASONS = ['payment_failed', 'shipping_cost', 'out_of_stock', 'coupon'] as const;
export const PREVIEW_OFFERS = ['percent', 'amount', 'free_shipping'] as const;
export type PreviewOffer = (typeof PREVIEW_OFFERS)[number];

const CHANNEL: Record<PreviewTemplate, 'email' | 'sms' | 'push' | 'page'> = {
  friendly: 'email',
  cart: 'email',
  'last-chance': 'email',
  'order-confirmation': 'email',
  sms: 'sms',
  push: 'push',
  'unsubscribe-page': 'page',
  'link-page': 'page',
};

/** A sample shopper per locale: their own money, zone and a short-link-sized resume URL. */
const SAMPLE_LOCALE: Record<Locale, { tag: string; timezone: string; currency: string }> = {
  en: { tag: 'en-US', timezone: 'America/New_York', currency: 'USD' },
  de: { tag: 'de-DE', timezone: 'Europe/Berlin', currency: 'EUR' },
  fr: { tag: 'fr-FR', timezone: 'Europe/Paris', currency: 'EUR' },
  es: { tag: 'es-ES', timezone: 'Europe/Madrid', currency: 'EUR' },
  it: { tag: 'it-IT', timezone: 'Europe/Rome', currency: 'EUR' },
  nl: { tag: 'nl-NL', timezone: 'Europe/Amsterdam', currency: 'EUR' },
};

export const SAMPLE_IMAGE_URL = 'https://cdn.example.com/preview/espresso-machine.png';
const SAMPLE_RESUME_URL = 'https://recovery.example.com/r/Xk3v9QaZ2m';
const SAMPLE_UNSUBSCRIBE_URL = 'https://recovery.example.com/unsubscribe?token=sample';

function sampleCheckout(locale: Locale): Checkout {
  const { tag, timezone, currency } = SAMPLE_LOCALE[locale];
  return {
    checkoutId: 'co-preview',
    customer: { id: 'c-preview', email: 'ada@example.com', name: 'Ada', locale: tag, timezone },
    cart: {
      currency,
      total: 1234.5,
      items: [
        { sku: 'SKU-1', name: 'Espresso machine', quantity: 1, unitPrice: 1199.5, imageUrl: SAMPLE_IMAGE_URL },
        { sku: 'SKU-2', name: 'Descaler', quantity: 2, unitPrice: 17.5 },
      ],
    },
    checkoutUrl: 'https://shop.example.com/checkout/co-preview',
  };
}

function sampleOffer(kind: PreviewOffer | undefined, currency: string): IssuedOffer | undefined {
  if (!kind) return undefined;
  const base = { currency, code: 'BACK-7KQ2-M9XD-3FJP', expiresAt: '2026-12-03T18:06:00.000Z' };
  if (kind === 'percent') return { ...base, percent: 10, maxAmount: 50 };
  if (kind === 'amount') return { ...base, amount: 5 };
  return { ...base, freeShipping: true };
}

const SAMPLE_PROGRESS: CheckoutProgress = {
  lastStep: 'payment_failed',
  shippingCost: 6.9,
  paymentMethod: 'card',
  couponRejected: 'WELCOME10',
  outOfStock: ['SKU-2'],
  events: 3,
};

export interface PreviewRequest {
  locale: Locale;
  reason?: AbandonReason;
  offer?: PreviewOffer;
}

export interface Preview {
  html: string;
  text: string;
  /** Texts only: what the SMS costs. */
  segments?: SmsSegments;
}

export async function renderPreview(
  name: PreviewTemplate,
  request: PreviewRequest,
  brand: BrandConfig,
): Promise<Preview> {
  const checkout = sampleCheckout(request.locale);
  const offer = sampleOffer(request.offer, checkout.cart.currency);
  const links = { resumeUrl: SAMPLE_RESUME_URL, unsubscribeUrl: SAMPLE_UNSUBSCRIBE_URL };
  switch (name) {
    case 'friendly':
    case 'cart':
    case 'last-chance': {
      const note = reasonNote(checkout, request.reason, SAMPLE_PROGRESS, offer);
      const email = await renderReminder(name, {
        checkout,
        step: 1,
        stepsTotal: 3,
        ...links,
        ...(note && { note }),
        ...(offer && { offer }),
        brand,
      });
      return { html: email.html, text: email.text };
    }
    case 'order-confirmation': {
      const email = await renderOrderConfirmation({ checkout, orderId: 'ord-1042', total: 1234.5, brand });
      return { html: email.html, text: email.text };
    }
    case 'sms': {
      const text = renderSms({
        checkout,
        template: 'cart',
        shopName: brand.shopName,
        resumeUrl: SAMPLE_RESUME_URL,
        ...(offer && { offer }),
      });
      const segments = smsSegments(text);
      const summary = `${segments.segments} segment(s), ${segments.encoding}, ${segments.units} ${segments.encoding === 'GSM-7' ? 'septets' : 'UTF-16 units'}`;
      const html = htmlPage(
        200,
        'SMS',
        `<p class="message">${escapeHtml(text)}</p>\n<p>${escapeHtml(summary)}</p>`,
        request.locale,
      ).html;
      return { html, text, segments };
    }
    case 'push': {
      const line = offer ? offerLine(checkout, offer) : undefined;
      const push = pushNotification(brand.shopName, 'cart', SAMPLE_RESUME_URL, line, checkout.customer.locale);
      const text = `${push.title}\n${push.body}\n${push.url}`;
      const html = htmlPage(
        200,
        'Push',
        `<p><strong>${escapeHtml(push.title)}</strong></p>\n<p>${escapeHtml(push.body)}</p>`,
        request.locale,
      ).html;
      return { html, text };
    }
    case 'unsubscribe-page':
      return pagePreview(confirmPage('sample-token', request.locale).html);
    case 'link-page':
      return pagePreview(rejectedLinkPage('cart', 'expired', request.locale).html);
  }
}

function pagePreview(html: string): Preview {
  const text = html
    .replace(/<style>[\s\S]*?<\/style>|<title>[\s\S]*?<\/title>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return { html, text };
}

export interface TemplateListing {
  name: PreviewTemplate;
  channel: 'email' | 'sms' | 'push' | 'page';
  preview: string;
  /** Its messages (override keys) and the variables each may use. */
  messages: Record<string, string[]>;
}

const messagesOf = (namespace: string) =>
  Object.fromEntries(
    MESSAGE_KEYS.filter((key) => key.startsWith(`${namespace}.`)).map((key) => [
      key.slice(namespace.length + 1),
      [...variablesOf(CATALOGUES.en[key] ?? '')].sort(),
    ]),
  );

export function templateListing(): {
  locales: readonly string[];
  templates: TemplateListing[];
  shared: Record<string, Record<string, string[]>>;
} {
  const shared = NAMESPACES.filter((ns) => !(PREVIEW_TEMPLATES as readonly string[]).includes(ns));
  return {
    locales: LOCALES,
    templates: PREVIEW_TEMPLATES.map((name) => ({
      name,
      channel: CHANNEL[name],
      preview: `/templates/${name}/preview`,
      messages: messagesOf(name),
    })),
    shared: Object.fromEntries(shared.map((ns) => [ns, messagesOf(ns)])),
  };
}
