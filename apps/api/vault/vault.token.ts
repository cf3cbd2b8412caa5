/** Injection token of the CustomerVault (checkout/customer-vault.ts), or null without a database or vault key (503). */
export const CUSTOMER_VAULT = 'CustomerVault';
