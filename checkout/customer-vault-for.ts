import { VaultCipher } from '../config/encryption/vault-cipher';
import type { AppConfig } from '../config/env';
import type { LedgerStores } from '../storage/send-ledger';
import { CustomerVault } from './customer-vault';
import { paymentProvidersFor } from './payments/providers';

export type CheckoutStores = Pick<LedgerStores, 'vault' | 'inventory' | 'orders'>;

/** The vault when there is a database and a key for it; null otherwise (its routes answer 503). */
export function customerVaultFor(config: AppConfig, stores: CheckoutStores | undefined): CustomerVault | null {
  if (!stores || !config.checkout.vaultKeys) return null;
  return new CustomerVault(
    stores.vault,
    new VaultCipher(config.checkout.vaultKeys),
    paymentProvidersFor(config.checkout),
  );
}
