// A hosted places service behind the AddressProvider: the customer's saved addresses first, then
// the service's suggestions. Whatever goes wrong with the service (an error, a bad answer, no
// answer within ADDRESS_PROVIDER_TIMEOUT) the offline provider answers: the shopper never sees a 5xx.
import {
  type AddressProvider,
  type AddressQuery,
  type AddressSuggestion,
  MAX_SUGGESTIONS,
  type OfflineAddressProvider,
  savedSuggestions,
} from '../address-provider';
import type { CustomerVault } from '../customer-vault';

export interface HostedPlaces {
  readonly name: 'google' | 'mapbox';
  /** Throws on any failure; `signal` aborts the request at the timeout. */
  suggest(query: AddressQuery, signal: AbortSignal): Promise<AddressSuggestion[]>;
}

export class HostedProviderError extends Error {
  constructor(provider: string, detail: string) {
    super(`${provider}: ${detail}`);
    this.name = 'HostedProviderError';
  }
}

export class HostedAddressProvider implements AddressProvider {
  constructor(
    private readonly places: HostedPlaces,
    private readonly vault: CustomerVault | null,
    private readonly offline: OfflineAddressProvider,
    private readonly timeoutMs: number,
    private readonly onFallback: (provider: string, reason: string) => void = () => {},
  ) {}

  async suggest(query: AddressQuery): Promise<AddressSuggestion[]> {
    let hosted: AddressSuggestion[];
    try {
      hosted = await this.places.suggest(query, AbortSignal.timeout(this.timeoutMs));
    } catch (err) {
      this.onFallback(this.places.name, err instanceof Error ? err.message : String(err));
      return this.offline.suggest(query);
    }
    const saved = await savedSuggestions(this.vault, query);
    return [...saved, ...hosted].slice(0, MAX_SUGGESTIONS);
  }
}
