// A sample checkout for the activity tests; each test overrides what it is about.
import type { SendReminderInput } from '../../activities/contract';
import type { Checkout } from '../../common/checkout';
import { testLinkSettings } from '../support/links';

export const PUBLIC_URL = 'https://recovery.example.test';
export const FROM = 'Your Shop <shop@example.com>';
export const LINKS = testLinkSettings(PUBLIC_URL);

export function sampleCheckout(overrides: Partial<Checkout> = {}): Checkout {
  const checkoutId = overrides.checkoutId ?? `co-${Math.random().toString(36).slice(2, 10)}`;
  return {
    checkoutId,
    customer: { id: 'c-42', email: `${checkoutId}@shoppers.example.com`, name: 'Ada', locale: 'de-DE' },
    cart: {
      currency: 'EUR',
      total: 1234.5,
      items: [
        {
          sku: 'SKU-1',
          name: 'Espresso machine',
          quantity: 1,
          unitPrice: 1199.5,
          imageUrl: 'https://cdn.example.com/espresso.png',
        },
        { sku: 'SKU-2', name: 'Descaler', quantity: 2, unitPrice: 17.5 },
      ],
    },
    checkoutUrl: `https://shop.example.com/checkout/${checkoutId}?resume=1&src=email`,
    ...overrides,
  };
}

/** Step `step` of three, a friendly email: a reminder as the workflow asks for it. */
export const reminder = (checkout: Checkout, step = 1): SendReminderInput => ({
  checkout,
  step,
  stepsTotal: 3,
  channel: 'email',
  template: 'friendly',
});
