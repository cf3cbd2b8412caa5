// Which service answers address autocomplete (ADDRESS_PROVIDER) and its key: the offline default
// needs none; Google Places (New) and Mapbox Search Box need theirs.
import { ConfigError } from './config-error';
import { duration, type Env } from './parsers';

export type AddressProviderSettings =
  | { kind: 'offline' }
  | { kind: 'google'; apiKey: string; baseUrl: string; timeoutMs: number }
  | { kind: 'mapbox'; accessToken: string; baseUrl: string; timeoutMs: number };

const KINDS = ['offline', 'google', 'mapbox'] as const;
// A shopper is typing: a suggestion later than this is no help, the offline one answers instead.
const TIMEOUT = '2s';

export function loadAddressProviderConfig(env: Env): AddressProviderSettings {
  const kind = (env.ADDRESS_PROVIDER?.trim() || 'offline') as (typeof KINDS)[number];
  if (!KINDS.includes(kind))
    throw new ConfigError(`ADDRESS_PROVIDER must be one of ${KINDS.join(', ')}, got "${kind}"`);
  if (kind === 'offline') return { kind };
  const timeoutMs = duration(env, 'ADDRESS_PROVIDER_TIMEOUT', TIMEOUT, 1_000);
  if (kind === 'google') {
    const apiKey = env.GOOGLE_PLACES_API_KEY?.trim();
    if (!apiKey) throw new ConfigError('ADDRESS_PROVIDER=google needs GOOGLE_PLACES_API_KEY');
    return { kind, apiKey, baseUrl: baseUrl(env, 'GOOGLE_PLACES_URL', 'https://places.googleapis.com'), timeoutMs };
  }
  const accessToken = env.MAPBOX_ACCESS_TOKEN?.trim();
  if (!accessToken) throw new ConfigError('ADDRESS_PROVIDER=mapbox needs MAPBOX_ACCESS_TOKEN');
  return { kind, accessToken, baseUrl: baseUrl(env, 'MAPBOX_SEARCH_URL', 'https://api.mapbox.com'), timeoutMs };
}

function baseUrl(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim() || fallback;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
  } catch {
    throw new ConfigError(`${name} "${raw}" is not an http(s) URL`);
  }
  return raw.replace(/\/$/, '');
}
