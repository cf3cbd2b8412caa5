// Mapbox Search Box API, the interactive step: GET {base}/search/searchbox/v1/suggest with `q`,
// `access_token`, `session_token` (suggest and retrieve calls of one session are billed as one),
// `country` and `types`; each of `suggestions[]` has `name`, `mapbox_id`, `feature_type`,
// `full_address`/`place_formatted` and a `context` (postcode, place, region with `region_code`,
// country) (https://docs.mapbox.com/api/search/search-box/#get-suggested-results).
import type { AddressQuery, AddressSuggestion } from '../address-provider';
import { MAX_SUGGESTIONS } from '../address-provider';
import { type HostedPlaces, HostedProviderError } from './hosted-places';

interface SearchBoxSuggestResponse {
  suggestions?: Array<{
    name?: string;
    mapbox_id?: string;
    feature_type?: string;
    full_address?: string;
    place_formatted?: string;
    context?: {
      postcode?: { name?: string };
      place?: { name?: string };
      region?: { name?: string; region_code?: string };
    };
  }>;
}

export function mapboxSearch(settings: { accessToken: string; baseUrl: string }): HostedPlaces {
  return {
    name: 'mapbox',
    async suggest({ q, country, session }: AddressQuery, signal: AbortSignal): Promise<AddressSuggestion[]> {
      const params = new URLSearchParams({
        q,
        access_token: settings.accessToken,
        session_token: session,
        country: country.toLowerCase(),
        types: 'address,street,postcode,place',
        limit: String(MAX_SUGGESTIONS),
      });
      const res = await fetch(`${settings.baseUrl}/search/searchbox/v1/suggest?${params}`, { signal });
      if (!res.ok) throw new HostedProviderError('mapbox', `suggest answered ${res.status}`);
      const body = (await res.json()) as SearchBoxSuggestResponse;
      return (body.suggestions ?? []).flatMap((s) => {
        if (!s.name) return [];
        const ctx = s.context ?? {};
        const city = s.feature_type === 'place' ? s.name : ctx.place?.name;
        const postalCode = s.feature_type === 'postcode' ? s.name : ctx.postcode?.name;
        return [
          {
            label: s.full_address ?? [s.name, s.place_formatted].filter(Boolean).join(', '),
            source: 'places' as const,
            ...(s.mapbox_id && { placeId: s.mapbox_id }),
            fields: {
              ...((s.feature_type === 'address' || s.feature_type === 'street') && { line1: s.name }),
              ...(city && { city }),
              ...(ctx.region?.region_code && { region: ctx.region.region_code }),
              ...(postalCode && { postalCode }),
              country,
            },
          },
        ];
      });
    },
  };
}
