// Google Places API (New) Autocomplete: POST {base}/v1/places:autocomplete with the key in
// X-Goog-Api-Key, `input`, `includedRegionCodes` and the shopper's `sessionToken` (autocomplete is
// billed per session); the answer's `suggestions[].placePrediction` carries `placeId`, `text` and
// `structuredFormat.mainText`/`secondaryText`
// (https://developers.google.com/maps/documentation/places/web-service/place-autocomplete).
import type { AddressQuery, AddressSuggestion } from '../address-provider';
import { type HostedPlaces, HostedProviderError } from './hosted-places';

interface PlacesAutocompleteResponse {
  suggestions?: Array<{
    placePrediction?: {
      placeId?: string;
      text?: { text?: string };
      structuredFormat?: { mainText?: { text?: string }; secondaryText?: { text?: string } };
      types?: string[];
    };
  }>;
}

/** Prediction types that name a town rather than a street line. */
const TOWN_TYPES = new Set(['locality', 'postal_town', 'administrative_area_level_3', 'sublocality']);

export function googlePlaces(settings: { apiKey: string; baseUrl: string }): HostedPlaces {
  return {
    name: 'google',
    async suggest({ q, country, session }: AddressQuery, signal: AbortSignal): Promise<AddressSuggestion[]> {
      const res = await fetch(`${settings.baseUrl}/v1/places:autocomplete`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Goog-Api-Key': settings.apiKey },
        body: JSON.stringify({ input: q, includedRegionCodes: [country.toLowerCase()], sessionToken: session }),
        signal,
      });
      if (!res.ok) throw new HostedProviderError('google', `places:autocomplete answered ${res.status}`);
      const body = (await res.json()) as PlacesAutocompleteResponse;
      return (body.suggestions ?? []).flatMap(({ placePrediction: p }) => {
        const label = p?.text?.text;
        if (!p || !label) return [];
        const main = p.structuredFormat?.mainText?.text;
        const town = (p.types ?? []).some((t) => TOWN_TYPES.has(t));
        return [
          {
            label,
            source: 'places' as const,
            ...(p.placeId && { placeId: p.placeId }),
            fields: { ...(main && (town ? { city: main } : { line1: main })), country },
          },
        ];
      });
    },
  };
}
