// The one-click checkout's tables as drizzle sees them (DDL: migrations 17 and 18).
import { boolean, integer, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const vaultColumns = () => ({
  id: text('id').primaryKey(),
  customerId: text('customer_id').notNull(),
  /** The whole record, AES-GCM sealed (config/encryption/vault-cipher.ts). */
  sealed: text('sealed').notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const customerAddresses = pgTable('customer_addresses', vaultColumns());
export const customerPaymentMethods = pgTable('customer_payment_methods', vaultColumns());

export const inventorySkus = pgTable('inventory_skus', {
  sku: text('sku').primaryKey(),
  available: integer('available').notNull(),
});

export const stockReservations = pgTable(
  'stock_reservations',
  {
    reservationKey: text('reservation_key').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    released: boolean('released').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.reservationKey, t.sku] })],
);

export const placedOrders = pgTable('placed_orders', {
  checkoutId: text('checkout_id').primaryKey(),
  orderId: text('order_id').notNull(),
  provider: text('provider').notNull(),
  paymentRef: text('payment_ref').notNull(),
  total: numeric('total', { mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  placedAt: timestamp('placed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
