// A postal address checked and normalised against its country's rules: required fields, the
// postcode pattern (postcode-validator) and the regions (country-state-city's ISO 3166-2 data).
// The two modules it needs, not the package's index: that loads every city of the world too
// (26 MB of heap in every process that checks an address, the worker among them).
import Country from 'country-state-city/lib/cjs/country';
import State from 'country-state-city/lib/cjs/state';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import type { FieldError } from '../common/schedule';

export interface AddressInput {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
  phone?: string;
}

export interface Address extends AddressInput {
  /** The address as the country writes it, one line each, for display and labels. */
  formatted: string[];
}

// Where the region (state, province) is part of the address; elsewhere it is optional.
const REGION_REQUIRED = new Set(['US', 'CA', 'AU', 'BR', 'MX', 'IN']);
// Where the postcode follows the city on the same line ("Springfield, IL 62704").
const CITY_REGION_POSTCODE = new Set(['US', 'CA', 'AU']);
// Where the postcode has a line of its own after the city.
const POSTCODE_OWN_LINE = new Set(['GB', 'IE']);
const NO_POSTCODE = new Set(['IE', 'HK', 'AE']);
const MAX = { name: 100, line1: 120, line2: 120, city: 80, region: 80, postalCode: 16, phone: 20 } as const;
const E164 = /^\+[1-9]\d{6,14}$/;

type Result = { ok: true; address: Address } | { ok: false; errors: FieldError[] };

const text = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : undefined);

export function normalizeAddress(body: unknown): Result {
  const raw = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const allowed = new Set(['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone']);
  for (const key of Object.keys(raw))
    if (!allowed.has(key)) errors.push({ field: key, reason: 'is not a field of an address' });
  const field = (name: keyof typeof MAX | 'country', required: boolean): string | undefined => {
    const value = raw[name];
    if (value === undefined || value === null || value === '') {
      if (required) errors.push({ field: name, reason: 'is required' });
      return undefined;
    }
    const t = text(value);
    if (t === undefined) {
      errors.push({ field: name, reason: 'must be a string' });
      return undefined;
    }
    if (name !== 'country' && t.length > MAX[name])
      errors.push({ field: name, reason: `must be at most ${MAX[name]} characters` });
    return t;
  };
  const countryRaw = field('country', true);
  const country = countryRaw?.toUpperCase();
  if (country !== undefined && !Country.getCountryByCode(country))
    errors.push({ field: 'country', reason: 'must be an ISO 3166-1 alpha-2 country code, e.g. "DE"' });
  const name = field('name', true);
  const line1 = field('line1', true);
  const line2 = field('line2', false);
  const city = field('city', true);
  const phone = field('phone', false);
  if (phone !== undefined && !E164.test(phone.replace(/[ ()-]/g, '')))
    errors.push({ field: 'phone', reason: 'must be an international number, e.g. "+4930123456"' });
  const known = country !== undefined && Country.getCountryByCode(country) !== undefined;
  const postalRaw = field('postalCode', !(known && NO_POSTCODE.has(country)));
  let postalCode = postalRaw?.toUpperCase();
  if (known && postalCode !== undefined && postcodeValidatorExistsForCountry(country)) {
    if (!postcodeValidator(postalCode, country))
      errors.push({ field: 'postalCode', reason: `is not a valid postcode in ${country}` });
    else postalCode = formatPostcode(postalCode, country);
  }
  let region = field('region', known && REGION_REQUIRED.has(country));
  if (known && region !== undefined) {
    const states = State.getStatesOfCountry(country);
    if (states.length > 0) {
      const lower = region.toLowerCase();
      const match = states.find((s) => s.isoCode.toLowerCase() === lower || s.name.toLowerCase() === lower);
      if (!match) errors.push({ field: 'region', reason: `is not a region of ${country}` });
      else region = match.isoCode;
    }
  }
  if (errors.length > 0 || !country || !name || !line1 || !city) return { ok: false, errors };
  const input: AddressInput = {
    name,
    line1,
    ...(line2 !== undefined && { line2 }),
    city,
    ...(region !== undefined && { region }),
    postalCode: postalCode ?? '',
    country,
    ...(phone !== undefined && { phone: phone.replace(/[ ()-]/g, '') }),
  };
  return { ok: true, address: { ...input, formatted: formatAddress(input) } };
}

function formatPostcode(code: string, country: string): string {
  const compact = code.replace(/\s/g, '');
  // The inward code of a UK or Canadian postcode is its last three characters.
  if ((country === 'GB' || country === 'CA') && compact.length > 3)
    return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  return code;
}

export function formatAddress(a: AddressInput): string[] {
  const countryName = Country.getCountryByCode(a.country)?.name ?? a.country;
  const streets = [a.name, a.line1, ...(a.line2 ? [a.line2] : [])];
  if (CITY_REGION_POSTCODE.has(a.country))
    return [...streets, `${a.city}${a.region ? `, ${a.region}` : ''} ${a.postalCode}`.trim(), countryName];
  if (POSTCODE_OWN_LINE.has(a.country))
    return [...streets, a.city, ...(a.postalCode ? [a.postalCode] : []), countryName];
  return [...streets, `${a.postalCode} ${a.city}`.trim(), ...(a.region ? [a.region] : []), countryName];
}
