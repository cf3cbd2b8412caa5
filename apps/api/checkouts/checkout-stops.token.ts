/**
 * Injection token of the checkout stop records (storage/checkout-stops.ts), or null when the API runs
 * without a database: the order update's answer is then the only guard against a send in flight.
 */
export const CHECKOUT_STOPS = 'CheckoutStops';
