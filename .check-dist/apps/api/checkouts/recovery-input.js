Object.defineProperty(exports, '__esModule', { value: true });
exports.toRecoveryInput = toRecoveryInput;
const schedule_1 = require('../../../common/schedule');
function toRecoveryInput(dto, defaults) {
  const { customer, cart } = dto;
  const resolved = dto.schedule ? (0, schedule_1.resolveSchedule)(dto.schedule) : undefined;
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
//# sourceMappingURL=recovery-input.js.map
