// Saved addresses and payment methods, sealed at rest: the API writes and lists them, the order
// saga opens the ones it uses. A payment method is provider tokens only; its card details are read
// back from a provider holding one of them, never taken from the caller.
import { randomUUID } from 'node:crypto';
import type { FieldError } from '../common/schedule';
import { PAYMENT_PROVIDER_IDS, type PaymentProviderId } from '../config/checkout-config';
import type { VaultCipher } from '../config/encryption/vault-cipher';
import type { SealedRow, VaultKind, VaultStore } from '../storage/vault-store';
import { type Address, normalizeAddress } from './address-rules';
import { type CardSummary, ProviderUnavailable, UnknownToken } from './payments/payment-provider';
import type { PaymentProviders } from './payments/providers';

export type SavedAddress = Address & { id: string; isDefault: boolean };
export type ProviderTokens = Partial<Record<PaymentProviderId, string>>;
export type SavedPaymentMethod = CardSummary & {
  id: string;
  isDefault: boolean;
  /** The providers that hold a token for it (the tokens themselves are never answered). */
  providers: PaymentProviderId[];
};
/** What the saga opens: the tokens too. */
export type PaymentMethodRecord = SavedPaymentMethod & { tokens: ProviderTokens };

type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; errors: FieldError[]; unusable?: boolean }
  | { ok: false; unavailable: string };

const TOKEN = /^[A-Za-z0-9_-]{3,128}$/;
const binding = (kind: VaultKind, customerId: string, id: string) => `${kind}\0${customerId}\0${id}`;

export class CustomerVault {
  constructor(
    private readonly store: VaultStore,
    private readonly cipher: VaultCipher,
    private readonly providers: PaymentProviders,
  ) {}

  async addAddress(customerId: string, body: unknown, makeDefault = false): Promise<Outcome<SavedAddress>> {
    const checked = normalizeAddress(body);
    if (!checked.ok) return checked;
    const id = `addr_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const row = await this.store.add(
      'address',
      { id, customerId, sealed: this.cipher.seal(checked.address, binding('address', customerId, id)) },
      makeDefault,
    );
    return { ok: true, value: { id, ...checked.address, isDefault: row.isDefault } };
  }

  async addresses(customerId: string): Promise<SavedAddress[]> {
    return (await this.store.list('address', customerId)).map((row) => this.openAddress(row));
  }

  async address(customerId: string, id: string): Promise<SavedAddress | undefined> {
    const row = await this.store.get('address', customerId, id);
    return row && this.openAddress(row);
  }

  async addPaymentMethod(customerId: string, body: unknown, makeDefault = false): Promise<Outcome<SavedPaymentMethod>> {
    const parsed = parseTokens(body, this.providers);
    if (!parsed.ok) return parsed;
    // The card as the first provider holding a token knows it: a made-up token is refused here.
    let card: CardSummary | undefined;
    let unavailable: string | undefined;
    const errors: FieldError[] = [];
    for (const [provider, token] of Object.entries(parsed.tokens) as [PaymentProviderId, string][]) {
      try {
        const described = await this.providers.get(provider)?.describe(token, customerId);
        card ??= described;
      } catch (err) {
        if (err instanceof UnknownToken)
          errors.push({ field: `tokens.${provider}`, reason: `is not a card ${provider} knows` });
        else if (err instanceof ProviderUnavailable) unavailable ??= err.message;
        else throw err;
      }
    }
    // One provider down is no reason to refuse a card another one knows.
    if (!card && unavailable && errors.length === 0) return { ok: false, unavailable };
    // Well-formed tokens a provider does not know: 422, not a malformed request.
    if (errors.length > 0 || !card) return { ok: false, errors, unusable: true };
    const id = `pmeth_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const record = { ...card, tokens: parsed.tokens };
    const row = await this.store.add(
      'paymentMethod',
      { id, customerId, sealed: this.cipher.seal(record, binding('paymentMethod', customerId, id)) },
      makeDefault,
    );
    return { ok: true, value: summary(this.openMethod({ ...row, isDefault: row.isDefault })) };
  }

  async paymentMethods(customerId: string): Promise<SavedPaymentMethod[]> {
    return (await this.store.list('paymentMethod', customerId)).map((row) => summary(this.openMethod(row)));
  }

  /** With the tokens: for the saga only, never answered over HTTP. */
  async paymentMethod(customerId: string, id: string): Promise<PaymentMethodRecord | undefined> {
    const row = await this.store.get('paymentMethod', customerId, id);
    return row && this.openMethod(row);
  }

  remove(kind: VaultKind, customerId: string, id: string): Promise<boolean> {
    return this.store.remove(kind, customerId, id);
  }

  private openAddress(row: SealedRow): SavedAddress {
    const address = this.cipher.open<Address>(row.sealed, binding('address', row.customerId, row.id));
    return { id: row.id, ...address, isDefault: row.isDefault };
  }

  private openMethod(row: SealedRow): PaymentMethodRecord {
    const record = this.cipher.open<CardSummary & { tokens: ProviderTokens }>(
      row.sealed,
      binding('paymentMethod', row.customerId, row.id),
    );
    return {
      id: row.id,
      ...record,
      isDefault: row.isDefault,
      providers: PAYMENT_PROVIDER_IDS.filter((p) => record.tokens[p] !== undefined),
    };
  }
}

function summary({ tokens: _tokens, ...rest }: PaymentMethodRecord): SavedPaymentMethod {
  return rest;
}

function parseTokens(
  body: unknown,
  providers: PaymentProviders,
): { ok: true; tokens: ProviderTokens } | { ok: false; errors: FieldError[]; unusable?: boolean } {
  const raw = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const errors: FieldError[] = [];
  for (const key of Object.keys(raw))
    if (key !== 'tokens' && key !== 'default')
      errors.push({ field: key, reason: 'is not a field of a payment method' });
  const tokens = raw.tokens;
  if (!tokens || typeof tokens !== 'object' || Array.isArray(tokens)) {
    errors.push({ field: 'tokens', reason: 'must be an object of provider tokens, e.g. { "stripe": "pm_…" }' });
    return { ok: false, errors };
  }
  const out: ProviderTokens = {};
  for (const [provider, token] of Object.entries(tokens)) {
    const field = `tokens.${provider}`;
    if (!(PAYMENT_PROVIDER_IDS as readonly string[]).includes(provider))
      errors.push({ field, reason: `is not a provider; known: ${PAYMENT_PROVIDER_IDS.join(', ')}` });
    else if (typeof token !== 'string' || !TOKEN.test(token))
      errors.push({ field, reason: 'must be a provider token (3-128 letters, digits, "_" or "-")' });
    else if (providers.has(provider as PaymentProviderId)) out[provider as PaymentProviderId] = token;
    // A token for a provider not configured here is kept out: it could never be charged.
  }
  if (errors.length === 0 && Object.keys(tokens).length === 0)
    errors.push({ field: 'tokens', reason: 'must hold at least one provider token' });
  if (errors.length === 0 && Object.keys(out).length === 0)
    return {
      ok: false,
      errors: [{ field: 'tokens', reason: 'holds no token of a provider configured here' }],
      unusable: true,
    };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, tokens: out };
}
