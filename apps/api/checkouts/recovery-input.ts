import type { CheckoutRecoveryInput, RecoveryPolicy, ScheduleStep } from '../../../common/checkout';
import type { CustomerPreferences } from '../../../common/customer-preferences';
import { resolveSchedule } from '../../../common/schedule';
import type { CreateCheckoutDto } from './dto/create-checkout.dto';

/**
 * Builds the workflow input from a validated request as plain data (no DTO instances or absent
 * keys travel into the history). A request schedule overrides the configured default.
 */
export interface RecoveryDefaults {
  schedule: ScheduleStep[];
  orderConfirmation: boolean;
  policy?: RecoveryPolicy;
  /** The customer's stored preferences, when there are any. */
  preferences?: CustomerPreferences;
}

export function toRecoveryInput(dto: CreateCheckoutDto, defaults: RecoveryDefaults): CheckoutRecoveryInput {
  const { customer, cart } = dto;
  const resolved = dto.schedule ? resolveSchedule(dto.schedule) : undefined;
  if (resolved && !resolved.ok) throw new Error('schedule passed validation but does not resolve'); // pipe checked it
  return {
    checkout: {
      checkoutId: dto.checkoutId,
      customer: {
        id: customer.id,
        email: customer.email,
        ...(customer.name != null && { name: customer.name }),
        ...(customer.locale != null && { locale: Intl.getCanonicalLocales(customer.locale)[0] }),
        ...(customer.timezone != null && { timezone: customer.timezone }),
        ...(customer.phone != null && { phone: customer.phone }),
        ...(customer.pushSubscription != null && {
          pushSubscription: {
            endpoint: customer.pushSubscription.endpoint,
            ...(customer.pushSubscription.expirationTime != null && {
              expirationTime: customer.pushSubscription.expirationTime,
            }),
            keys: { p256dh: customer.pushSubscription.keys.p256dh, auth: customer.pushSubscription.keys.auth },
          },
        }),
        ...(customer.tier != null && { tier: customer.tier }),
      },
      cart: {
        currency: cart.currency,
        total: cart.total,
        items: cart.items.map((line) => ({
          sku: line.sku,
          name: line.name,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          ...(line.imageUrl != null && { imageUrl: line.imageUrl }),
        })),
      },
      checkoutUrl: dto.checkoutUrl,
    },
    schedule: resolved?.steps ?? defaults.schedule,
    ...(dto.lastActivityAt != null && { lastActivityAt: Date.parse(dto.lastActivityAt) }),
    sendOrderConfirmation: defaults.orderConfirmation,
    ...(defaults.policy && { policy: defaults.policy }),
    ...(defaults.preferences && { preferences: defaults.preferences }),
  };
}
