// Reusable property rules. Messages are reasons only ("must be an email"): the error names the field.
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { resolveSchedule } from '../../../common/schedule';
import { describeErrors, EMAIL_PATTERN, HTTP_URL_PATTERN, ID_PATTERN } from '../../../common/validate-checkout';

export const ID_REASON = 'must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit';
export const MAX_URL_LENGTH = 2048;
/** RFC 5321 caps an address at 254 characters. */
export const MAX_EMAIL_LENGTH = 254;
export const IS_SCHEDULE = 'isSchedule';

/**
 * An optional field: absent, or valid. Unlike IsOptional, null is a value like any other and is
 * refused by the field's rules, as the OpenAPI document (not nullable) says.
 */
export const Optional = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** A business id: it ends up in workflow ids, URLs and visibility queries. */
export const IsId = () =>
  applyDecorators(IsString({ message: 'must be a string' }), Matches(ID_PATTERN, { message: ID_REASON }));

export const IsText = (maxLength: number) =>
  applyDecorators(
    IsString({ message: 'must be a string' }),
    MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }),
  );

export const IsEmailAddress = () =>
  applyDecorators(
    IsString({ message: 'must be a string' }),
    MaxLength(MAX_EMAIL_LENGTH, { message: `must be at most ${MAX_EMAIL_LENGTH} characters` }),
    IsEmail({}, { message: 'must be an email' }),
    // IsEmail also takes quoted local parts ("a b"@x.com) that the workflow's own check refuses.
    Matches(EMAIL_PATTERN, { message: 'must be an email without spaces, quotes or a second "@"' }),
  );

/**
 * The largest money amount taken, in major units: what the analytics' numeric(14, 2) columns hold,
 * and far above any real cart; 1e308 would otherwise be accepted here and fail there.
 */
export const MAX_AMOUNT = 999_999_999_999;

/** A finite number, never negative (a time in epoch ms, a count). */
export const IsNonNegativeNumber = () =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a finite number' }),
    Min(0, { message: 'must be >= 0' }),
  );

/** A money amount in major units: finite, never negative, at most MAX_AMOUNT. */
export const IsAmount = () =>
  applyDecorators(IsNonNegativeNumber(), Max(MAX_AMOUNT, { message: `must be <= ${MAX_AMOUNT}` }));

export const IsQuantity = (max: number) =>
  applyDecorators(
    IsInt({ message: 'must be an integer' }),
    Min(1, { message: 'must be >= 1' }),
    Max(max, { message: `must be <= ${max}` }),
  );

/** http(s) only; no TLD required so local shops (localhost) work in development. */
export const IsHttpUrl = () =>
  applyDecorators(
    IsString({ message: 'must be a string' }),
    MaxLength(MAX_URL_LENGTH, { message: `must be at most ${MAX_URL_LENGTH} characters` }),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
      { message: 'must be an http(s) URL' },
    ),
    // IsUrl reads the scheme case-insensitively; the workflow's own check wants it lower-case.
    Matches(HTTP_URL_PATTERN, { message: 'must start with http:// or https://' }),
  );

const ISO_TIME_REASON = 'must be an ISO 8601 time like "2025-01-31T12:00:00Z"';

/**
 * RFC 3339's date-time (years 1000-9999): what the document states as the field's pattern, and one of
 * the checks. IsISO8601 alone takes more (2025-01-31, 2025-W05-3) and refuses some years below 100.
 */
export const ISO_TIME_PATTERN =
  /^[1-9]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** The OpenAPI side of IsIsoTime, for @ApiProperty. */
export const ISO_TIME_SCHEMA = { format: 'date-time', pattern: ISO_TIME_PATTERN.source } as const;

/** ISO 8601 that Date.parse reads too: IsISO8601 also takes forms (2025-W05-3, 2025-01-31T12Z) it reads as NaN. */
export const IsIsoTime = () =>
  applyDecorators(
    Matches(ISO_TIME_PATTERN, { message: ISO_TIME_REASON }),
    IsISO8601({ strict: true }, { message: ISO_TIME_REASON }),
    rule('isParsableTime', ISO_TIME_REASON, (value) => typeof value === 'string' && Number.isFinite(Date.parse(value))),
  );

/** A key that may be left out but, when given, is not null (the schedule's resolver reads null as absent). */
export const NotNull = () => rule('notNull', 'must not be null', (value) => value !== null);

/** A one-off validation decorator: `test` decides, `reason` is the field error's message. */
export function rule(name: string, reason: string, test: (value: unknown) => boolean): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: reason },
      validator: { validate: test },
    });
}

/**
 * The BCP 47 tags taken: language, then optionally script and region, cased as written (de-DE,
 * zh-Hant-TW, es-419). The document states it as the field's pattern.
 */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;

/** A BCP 47 language tag of that form, as Intl understands it (money formatting and greetings use it). */
export const IsLocaleTag = () =>
  rule('isLocaleTag', 'must be a BCP 47 language tag like "de-DE"', (value) => {
    if (typeof value !== 'string' || !LOCALE_PATTERN.test(value)) return false;
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  });

/**
 * The zones Intl lists, for the OpenAPI document's enum. The check below is Intl's own, which also
 * takes the aliases it does not list (e.g. "US/Eastern"): every listed zone passes it.
 */
export const TIME_ZONES: readonly string[] = (
  Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }
).supportedValuesOf('timeZone');

// Every listed zone passes the check below; building a DateTimeFormat to learn that cost ~0.15 ms a request.
const LISTED_ZONES: ReadonlySet<string> = new Set(TIME_ZONES);

/** An IANA time zone, as Intl understands it. */
export const IsTimeZone = () =>
  rule('isTimeZone', 'must be an IANA time zone like "Europe/Berlin"', (value) => {
    if (typeof value !== 'string' || value === '' || value.length > 64) return false;
    if (LISTED_ZONES.has(value)) return true;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  });

/**
 * A reminder schedule, checked by the same resolver the workflow uses. Its errors are expanded into
 * per-step fields ("schedule[1].after") when the 400 is built; the message here is only a fallback.
 */
export const IsSchedule = (): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: IS_SCHEDULE,
    target: target.constructor,
    propertyName: String(propertyName),
    validator: {
      validate: (value: unknown) => resolveSchedule(value).ok,
      defaultMessage: (args) => {
        const resolved = resolveSchedule(args?.value);
        return resolved.ok ? 'is invalid' : describeErrors(resolved.errors);
      },
    },
  });

/** A required nested object, validated by its own DTO class. */
export const IsNested = (type: () => new () => object) =>
  applyDecorators(IsObject({ message: 'must be an object' }), ValidateNested(), Type(type));
