// The customer vault's rows: sealed records per customer, one default per kind. The store never
// sees plain text: sealing and opening happen in the caller (config/encryption/vault-cipher.ts).
import { and, asc, eq } from 'drizzle-orm';
import { customerAddresses, customerPaymentMethods } from './checkout-schema';
import type { LedgerDatabase } from './connect';

export type VaultKind = 'address' | 'paymentMethod';

export interface SealedRow {
  id: string;
  customerId: string;
  sealed: string;
  isDefault: boolean;
}

export interface VaultStore {
  /** Adds a row; the customer's first row of a kind, or `makeDefault`, becomes the default. */
  add(kind: VaultKind, row: Omit<SealedRow, 'isDefault'>, makeDefault: boolean): Promise<SealedRow>;
  list(kind: VaultKind, customerId: string): Promise<SealedRow[]>;
  get(kind: VaultKind, customerId: string, id: string): Promise<SealedRow | undefined>;
  /** True when a row was removed; the oldest remaining row becomes the default if it was. */
  remove(kind: VaultKind, customerId: string, id: string): Promise<boolean>;
}

const tableOf = (kind: VaultKind) => (kind === 'address' ? customerAddresses : customerPaymentMethods);

export class DrizzleVaultStore implements VaultStore {
  constructor(private readonly db: LedgerDatabase) {}

  async add(kind: VaultKind, row: Omit<SealedRow, 'isDefault'>, makeDefault: boolean): Promise<SealedRow> {
    const table = tableOf(kind);
    return this.db.transaction(async (tx) => {
      const existing = await tx
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.customerId, row.customerId), eq(table.isDefault, true)));
      const isDefault = makeDefault || existing.length === 0;
      if (isDefault && existing.length > 0)
        await tx.update(table).set({ isDefault: false }).where(eq(table.customerId, row.customerId));
      await tx.insert(table).values({ ...row, isDefault });
      return { ...row, isDefault };
    });
  }

  async list(kind: VaultKind, customerId: string): Promise<SealedRow[]> {
    const table = tableOf(kind);
    return this.db
      .select({ id: table.id, customerId: table.customerId, sealed: table.sealed, isDefault: table.isDefault })
      .from(table)
      .where(eq(table.customerId, customerId))
      .orderBy(asc(table.createdAt), asc(table.id));
  }

  async get(kind: VaultKind, customerId: string, id: string): Promise<SealedRow | undefined> {
    const table = tableOf(kind);
    const [row] = await this.db
      .select({ id: table.id, customerId: table.customerId, sealed: table.sealed, isDefault: table.isDefault })
      .from(table)
      .where(and(eq(table.customerId, customerId), eq(table.id, id)));
    return row;
  }

  async remove(kind: VaultKind, customerId: string, id: string): Promise<boolean> {
    const table = tableOf(kind);
    return this.db.transaction(async (tx) => {
      const removed = await tx
        .delete(table)
        .where(and(eq(table.customerId, customerId), eq(table.id, id)))
        .returning({ isDefault: table.isDefault });
      if (removed.length === 0) return false;
      if (removed[0]?.isDefault) {
        const [next] = await tx
          .select({ id: table.id })
          .from(table)
          .where(eq(table.customerId, customerId))
          .orderBy(asc(table.createdAt), asc(table.id))
          .limit(1);
        if (next) await tx.update(table).set({ isDefault: true }).where(eq(table.id, next.id));
      }
      return true;
    });
  }
}
