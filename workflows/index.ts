// The worker's workflow bundle entry point: every workflow type the worker serves.
export { checkoutRecovery } from './checkout-recovery';
export { earlyOrder } from './early-order';
export { orderPlacement } from './order-placement';
