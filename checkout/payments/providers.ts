// The configured payment providers, in failover order (PAYMENT_PROVIDERS).
import type { CheckoutConfig, PaymentProviderId } from '../../config/checkout-config';
import type { createAdyenProvider } from './adyen-provider';
import type { PaymentProvider } from './payment-provider';
import { createStripeProvider } from './stripe-provider';

export type PaymentProviders = ReadonlyMap<PaymentProviderId, PaymentProvider>;

export function paymentProvidersFor(config: CheckoutConfig): PaymentProviders {
  const providers = new Map<PaymentProviderId, PaymentProvider>();
  for (const id of config.providerOrder) {
    if (id === 'stripe' && config.stripe) providers.set(id, createStripeProvider(config.stripe));
    if (id === 'adyen' && config.adyen) providers.set(id, adyen()(config.adyen));
  }
  return providers;
}

/**
 * Adyen's library is 15 MB of heap: required only where Adyen is configured, so a worker or API
 * without it never holds the library (stripe's is 2 MB and loads with the module).
 */
function adyen(): typeof createAdyenProvider {
  return (require('./adyen-provider') as typeof import('./adyen-provider')).createAdyenProvider;
}
