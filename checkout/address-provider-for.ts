// The AddressProvider ADDRESS_PROVIDER names: offline (no account), or a hosted service with the
// offline one as its fallback.
import type { AddressProviderSettings } from '../config/address-provider-config';
import { type AddressProvider, OfflineAddressProvider } from './address-provider';
import { googlePlaces } from './address-providers/google-places';
import { HostedAddressProvider } from './address-providers/hosted-places';
import { mapboxSearch } from './address-providers/mapbox-search';
import type { CustomerVault } from './customer-vault';

export function addressProviderFor(
  settings: AddressProviderSettings,
  vault: CustomerVault | null,
  onFallback?: (provider: string, reason: string) => void,
): AddressProvider {
  const offline = new OfflineAddressProvider(vault);
  if (settings.kind === 'offline') return offline;
  const places = settings.kind === 'google' ? googlePlaces(settings) : mapboxSearch(settings);
  return new HostedAddressProvider(places, vault, offline, settings.timeoutMs, onFallback);
}
