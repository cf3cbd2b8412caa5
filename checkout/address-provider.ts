// Address autocomplete behind one interface. The offline default needs no account: the customer's
// saved addresses, then cities of the country (country-state-city). Adapters for hosted services
// (Google Places, Mapbox) implement the same interface.
import State from 'country-state-city/lib/cjs/state';
import type { CustomerVault } from './customer-vault';

type Cities = typeof import('country-state-city/lib/cjs/city').default;
let cities: Cities | undefined;
/**
 * Every city of the world is 26 MB of heap: required on the first offline suggestion, not with the
 * module, so a process that never suggests (the worker, an API with a hosted provider) never holds it.
 */
function loadCities(): Cities {
  cities ??= (require('country-state-city/lib/cjs/city') as typeof import('country-state-city/lib/cjs/city')).default;
  return cities;
}

export interface AddressQuery {
  q: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** The shopper's typing session: hosted providers bill per session; the offline one ignores it. */
  session: string;
  /** Their saved addresses come first. */
  customerId?: string;
}

export interface AddressSuggestion {
  label: string;
  source: 'saved' | 'places';
  /** The fields it fills in the address form. */
  fields: { line1?: string; city?: string; region?: string; postalCode?: string; country: string };
  /** A saved address's id. */
  addressId?: string;
  /** The hosted provider's id of the place (Google's place id, Mapbox's mapbox_id), for its details call. */
  placeId?: string;
}

export interface AddressProvider {
  suggest(query: AddressQuery): Promise<AddressSuggestion[]>;
}

export const MAX_SUGGESTIONS = 8;
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export class OfflineAddressProvider implements AddressProvider {
  constructor(private readonly vault: CustomerVault | null) {}

  async suggest(query: AddressQuery): Promise<AddressSuggestion[]> {
    const { q, country } = query;
    const needle = fold(q.trim());
    const saved = await savedSuggestions(this.vault, query);
    const regions = new Map(State.getStatesOfCountry(country).map((s) => [s.isoCode, s.name]));
    const seen = new Set<string>();
    const places: AddressSuggestion[] = [];
    for (const city of loadCities().getCitiesOfCountry(country) ?? []) {
      if (places.length + saved.length >= MAX_SUGGESTIONS) break;
      if (!fold(city.name).startsWith(needle) || seen.has(city.name)) continue;
      seen.add(city.name);
      const region = regions.get(city.stateCode);
      places.push({
        label: region ? `${city.name}, ${region}` : city.name,
        source: 'places',
        fields: { city: city.name, ...(region && { region: city.stateCode }), country },
      });
    }
    return [...saved, ...places].slice(0, MAX_SUGGESTIONS);
  }
}

/** The customer's saved addresses in the country that contain the query (every provider puts them first). */
export async function savedSuggestions(
  vault: CustomerVault | null,
  { q, country, customerId }: AddressQuery,
): Promise<AddressSuggestion[]> {
  if (!customerId || !vault) return [];
  const needle = fold(q.trim());
  return (await vault.addresses(customerId))
    .filter((a) => a.country === country && fold(a.formatted.join(' ')).includes(needle))
    .map((a) => ({
      label: a.formatted.slice(1, -1).join(', '),
      source: 'saved' as const,
      addressId: a.id,
      fields: {
        line1: a.line1,
        city: a.city,
        ...(a.region !== undefined && { region: a.region }),
        postalCode: a.postalCode,
        country: a.country,
      },
    }));
}
