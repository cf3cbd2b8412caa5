// The configured payment providers, in failover order (PAYMENT_PROVIDERS).
import type { CheckoutConfig, PaymentProviderId } from '../../config/checkout-config';
import { createAdyenProvider } from './adyen-provider';
import type { PaymentProvider } from './payment-provider';
import { createStripeProvider } from './stripe-provider';

export type PaymentProviders = ReadonlyMap<PaymentProviderId, PaymentProvider>;

export function paymentProvidersFor(config: CheckoutConfig): PaymentProviders {
  const providers = new Map<PaymentProviderId, PaymentProvider>();
  for (const id of config.providerOrder) {
    if (id === 'stripe' && config.stripe) providers.set(id, createStripeProvider(config.stripe));
    if (id === 'adyen' && config.adyen) providers.set(id, createAdyenProvider(config.adyen));
  }
  return providers;
}
