// Adyen Checkout through the official library: a stored card charged as a card-on-file payment
// (shopperInteraction ContAuth), then captured or cancelled by its pspReference. The idempotency key
// travels as Adyen's Idempotency-Key header: a retried /payments answers the first response.
import { readFileSync } from 'node:fs';
import { CheckoutAPI, Client, HttpClientException } from '@adyen/api-library';
import { EnvironmentEnum } from '@adyen/api-library/lib/src/config';
import type { AdyenSettings } from '../../config/checkout-config';
import {
  type Authorization,
  type AuthorizeRequest,
  type CardSummary,
  type PaymentProvider,
  ProviderUnavailable,
  UnknownToken,
} from './payment-provider';

/** Adyen's refusalReasonCode onto the normalised codes (common/decline-rules.ts). */
const ADYEN_CODES: Record<string, string> = {
  '2': 'card_declined',
  '4': 'processing_error',
  '5': 'lost_or_stolen',
  '6': 'expired_card',
  '9': 'issuer_unavailable',
  '12': 'insufficient_funds',
  '14': 'fraudulent',
  '20': 'fraudulent',
  '22': 'fraudulent',
  '24': 'incorrect_cvc',
  '27': 'card_declined',
  '28': 'insufficient_funds',
  '31': 'fraudulent',
  '38': 'authentication_required',
};
const ACTION_CODES = new Set(['IdentifyShopper', 'ChallengeShopper', 'RedirectShopper']);

export function createAdyenProvider(settings: AdyenSettings): PaymentProvider {
  const client = new Client({
    apiKey: settings.apiKey,
    environment: EnvironmentEnum.TEST,
    connectionTimeoutMillis: settings.timeoutMs,
  });
  if (settings.caCertFile) {
    // The library always speaks HTTPS; a local stand-in's self-signed certificate is trusted here only.
    (client.httpClient as unknown as { agentOptions: object }).agentOptions = { ca: readFileSync(settings.caCertFile) };
  }
  const checkout = new CheckoutAPI(client);
  const at = <T extends object>(api: T): T => {
    if (settings.checkoutUrl) (api as unknown as { baseUrl: string }).baseUrl = settings.checkoutUrl.replace(/\/$/, '');
    return api;
  };
  const payments = at(checkout.PaymentsApi);
  const modifications = at(checkout.ModificationsApi);
  const recurring = at(checkout.RecurringApi);
  const { merchantAccount } = settings;

  const failed = (err: unknown): never => {
    const status = err instanceof HttpClientException ? err.statusCode : undefined;
    // No status: the connection failed or timed out.
    if (status === undefined || status >= 500 || status === 429)
      throw new ProviderUnavailable('adyen', err instanceof Error ? err.message : String(err));
    throw err;
  };

  return {
    id: 'adyen',

    async describe(token: string, customerId: string): Promise<CardSummary> {
      const list = await recurring.getTokensForStoredPaymentDetails(customerId, merchantAccount).catch(failed);
      const card = list.storedPaymentMethods?.find((m) => m.id === token);
      if (!card) throw new UnknownToken(`adyen holds no ${token} for ${customerId}`);
      return {
        brand: card.brand ?? 'card',
        last4: card.lastFour ?? '',
        expMonth: Number(card.expiryMonth),
        expYear: Number(card.expiryYear),
      };
    },

    async authorize({ key, token, amount, currency, reference, customerId }: AuthorizeRequest): Promise<Authorization> {
      let response: Awaited<ReturnType<typeof payments.payments>>;
      try {
        response = await payments.payments(
          {
            amount: { value: amount, currency: currency.toUpperCase() },
            reference,
            merchantAccount,
            // biome-ignore lint/suspicious/noExplicitAny: the library's union of payment method types
            paymentMethod: { type: 'scheme', storedPaymentMethodId: token } as any,
            shopperReference: customerId,
            shopperInteraction: 'ContAuth' as never,
            recurringProcessingModel: 'CardOnFile' as never,
            // No redirect happens for a card on file; a 3-D Secure step-up is answered requires_action.
            returnUrl: `https://${merchantAccount}.invalid/return`,
          },
          { idempotencyKey: key },
        );
      } catch (err) {
        if (err instanceof HttpClientException && err.statusCode === 422)
          return { status: 'declined', code: 'card_declined', providerCode: `422 ${err.errorCode ?? ''}`.trim() };
        return failed(err);
      }
      const ref = response.pspReference ?? '';
      const result = String(response.resultCode ?? '');
      if (result === 'Authorised') return { status: 'authorized', ref, captured: false };
      if (ACTION_CODES.has(result)) return { status: 'requires_action', ref };
      const providerCode = response.refusalReasonCode ?? result;
      return { status: 'declined', code: ADYEN_CODES[providerCode] ?? 'card_declined', providerCode, ref };
    },

    // Checkout has no read of a payment by reference (Adyen reports through webhooks); a retried
    // /payments with the same Idempotency-Key answers the first response instead.
    async lookup(): Promise<Authorization | undefined> {
      return undefined;
    },

    async capture(ref: string, amount: number, currency: string, key: string): Promise<void> {
      await modifications
        .captureAuthorisedPayment(
          ref,
          { merchantAccount, amount: { value: amount, currency: currency.toUpperCase() } },
          { idempotencyKey: key },
        )
        .catch(failed);
    },

    // Adyen answers a cancel of a captured payment by webhook only: seen here as not captured.
    async void(ref: string, key: string): Promise<{ alreadyCaptured: boolean }> {
      await modifications
        .cancelAuthorisedPaymentByPspReference(ref, { merchantAccount }, { idempotencyKey: key })
        .catch(failed);
      return { alreadyCaptured: false };
    },

    // Adyen finishes a 3-D Secure step with /payments/details from the shopper's redirect, and tells
    // the outcome by webhook; neither is built here, so an Adyen step-up waits out the saga's bound
    // and is voided (docs/checkout.md).
    async status(ref: string): Promise<Authorization> {
      return { status: 'requires_action', ref };
    },

    async nextAction(): Promise<undefined> {
      return undefined;
    },
  };
}
