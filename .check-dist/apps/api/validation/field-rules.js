Object.defineProperty(exports, '__esModule', { value: true });
exports.IsNested =
  exports.IsSchedule =
  exports.IsTimeZone =
  exports.TIME_ZONES =
  exports.IsLocaleTag =
  exports.LOCALE_PATTERN =
  exports.NotNull =
  exports.IsIsoTime =
  exports.ISO_TIME_SCHEMA =
  exports.ISO_TIME_PATTERN =
  exports.IsHttpUrl =
  exports.IsQuantity =
  exports.IsAmount =
  exports.IsEmailAddress =
  exports.IsText =
  exports.IsId =
  exports.Optional =
  exports.IS_SCHEDULE =
  exports.MAX_EMAIL_LENGTH =
  exports.MAX_URL_LENGTH =
  exports.ID_REASON =
    void 0;
exports.rule = rule;
// Reusable property rules. Messages are reasons only ("must be an email"): the error names the field.
const common_1 = require('@nestjs/common');
const class_transformer_1 = require('class-transformer');
const class_validator_1 = require('class-validator');
const schedule_1 = require('../../../common/schedule');
const validate_checkout_1 = require('../../../common/validate-checkout');
exports.ID_REASON = 'must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit';
exports.MAX_URL_LENGTH = 2048;
/** RFC 5321 caps an address at 254 characters. */
exports.MAX_EMAIL_LENGTH = 254;
exports.IS_SCHEDULE = 'isSchedule';
/**
 * An optional field: absent, or valid. Unlike IsOptional, null is a value like any other and is
 * refused by the field's rules, as the OpenAPI document (not nullable) says.
 */
const Optional = () => (0, class_validator_1.ValidateIf)((_object, value) => value !== undefined);
exports.Optional = Optional;
/** A business id: it ends up in workflow ids, URLs and visibility queries. */
const IsId = () =>
  (0, common_1.applyDecorators)(
    (0, class_validator_1.IsString)({ message: 'must be a string' }),
    (0, class_validator_1.Matches)(validate_checkout_1.ID_PATTERN, { message: exports.ID_REASON }),
  );
exports.IsId = IsId;
const IsText = (maxLength) =>
  (0, common_1.applyDecorators)(
    (0, class_validator_1.IsString)({ message: 'must be a string' }),
    (0, class_validator_1.MaxLength)(maxLength, { message: `must be at most ${maxLength} characters` }),
  );
exports.IsText = IsText;
const IsEmailAddress = () =>
  (0, common_1.applyDecorators)(
    (0, class_validator_1.IsString)({ message: 'must be a string' }),
    (0, class_validator_1.MaxLength)(exports.MAX_EMAIL_LENGTH, {
      message: `must be at most ${exports.MAX_EMAIL_LENGTH} characters`,
    }),
    (0, class_validator_1.IsEmail)({}, { message: 'must be an email' }),
    // IsEmail also takes quoted local parts ("a b"@x.com) that the workflow's own check refuses.
    (0, class_validator_1.Matches)(validate_checkout_1.EMAIL_PATTERN, {
      message: 'must be an email without spaces, quotes or a second "@"',
    }),
  );
exports.IsEmailAddress = IsEmailAddress;
/** A money amount in major units: finite and never negative. */
const IsAmount = () =>
  (0, common_1.applyDecorators)(
    (0, class_validator_1.IsNumber)({ allowNaN: false, allowInfinity: false }, { message: 'must be a finite number' }),
    (0, class_validator_1.Min)(0, { message: 'must be >= 0' }),
  );
exports.IsAmount = IsAmount;
const IsQuantity = (max) =>
  (0, common_1.applyDecorators)(
    (0, class_validator_1.IsInt)({ message: 'must be an integer' }),
    (0, class_validator_1.Min)(1, { message: 'must be >= 1' }),
    (0, class_validator_1.Max)(max, { message: `must be <= ${max}` }),
  );
exports.IsQuantity = IsQuantity;
/** http(s) only; no TLD required so local shops (localhost) work in development. */
const IsHttpUrl = () =>
  (0, common_1.applyDecorators)(
    (0, class_validator_1.IsString)({ message: 'must be a string' }),
    (0, class_validator_1.MaxLength)(exports.MAX_URL_LENGTH, {
      message: `must be at most ${exports.MAX_URL_LENGTH} characters`,
    }),
    (0, class_validator_1.IsUrl)(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
      { message: 'must be an http(s) URL' },
    ),
    // IsUrl reads the scheme case-insensitively; the workflow's own check wants it lower-case.
    (0, class_validator_1.Matches)(validate_checkout_1.HTTP_URL_PATTERN, {
      message: 'must start with http:// or https://',
    }),
  );
exports.IsHttpUrl = IsHttpUrl;
const ISO_TIME_REASON = 'must be an ISO 8601 time like "2025-01-31T12:00:00Z"';
/**
 * RFC 3339's date-time (years 1000-9999): what the document states as the field's pattern, and one of
 * the checks. IsISO8601 alone takes more (2025-01-31, 2025-W05-3) and refuses some years below 100.
 */
exports.ISO_TIME_PATTERN =
  /^[1-9]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** The OpenAPI side of IsIsoTime, for @ApiProperty. */
exports.ISO_TIME_SCHEMA = { format: 'date-time', pattern: exports.ISO_TIME_PATTERN.source };
/** ISO 8601 that Date.parse reads too: IsISO8601 also takes forms (2025-W05-3, 2025-01-31T12Z) it reads as NaN. */
const IsIsoTime = () =>
  (0, common_1.applyDecorators)(
    (0, class_validator_1.Matches)(exports.ISO_TIME_PATTERN, { message: ISO_TIME_REASON }),
    (0, class_validator_1.IsISO8601)({ strict: true }, { message: ISO_TIME_REASON }),
    rule('isParsableTime', ISO_TIME_REASON, (value) => typeof value === 'string' && Number.isFinite(Date.parse(value))),
  );
exports.IsIsoTime = IsIsoTime;
/** A key that may be left out but, when given, is not null (the schedule's resolver reads null as absent). */
const NotNull = () => rule('notNull', 'must not be null', (value) => value !== null);
exports.NotNull = NotNull;
/** A one-off validation decorator: `test` decides, `reason` is the field error's message. */
function rule(name, reason, test) {
  return (target, propertyName) =>
    (0, class_validator_1.registerDecorator)({
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
exports.LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;
/** A BCP 47 language tag of that form, as Intl understands it (money formatting and greetings use it). */
const IsLocaleTag = () =>
  rule('isLocaleTag', 'must be a BCP 47 language tag like "de-DE"', (value) => {
    if (typeof value !== 'string' || !exports.LOCALE_PATTERN.test(value)) return false;
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  });
exports.IsLocaleTag = IsLocaleTag;
/**
 * The zones Intl lists, for the OpenAPI document's enum. The check below is Intl's own, which also
 * takes the aliases it does not list (e.g. "US/Eastern"): every listed zone passes it.
 */
exports.TIME_ZONES = Intl.supportedValuesOf('timeZone');
/** An IANA time zone, as Intl understands it. */
const IsTimeZone = () =>
  rule('isTimeZone', 'must be an IANA time zone like "Europe/Berlin"', (value) => {
    if (typeof value !== 'string' || value === '' || value.length > 64) return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  });
exports.IsTimeZone = IsTimeZone;
/**
 * A reminder schedule, checked by the same resolver the workflow uses. Its errors are expanded into
 * per-step fields ("schedule[1].after") when the 400 is built; the message here is only a fallback.
 */
const IsSchedule = () => (target, propertyName) =>
  (0, class_validator_1.registerDecorator)({
    name: exports.IS_SCHEDULE,
    target: target.constructor,
    propertyName: String(propertyName),
    validator: {
      validate: (value) => (0, schedule_1.resolveSchedule)(value).ok,
      defaultMessage: (args) => {
        const resolved = (0, schedule_1.resolveSchedule)(args?.value);
        return resolved.ok ? 'is invalid' : (0, validate_checkout_1.describeErrors)(resolved.errors);
      },
    },
  });
exports.IsSchedule = IsSchedule;
/** A required nested object, validated by its own DTO class. */
const IsNested = (type) =>
  (0, common_1.applyDecorators)(
    (0, class_validator_1.IsObject)({ message: 'must be an object' }),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(type),
  );
exports.IsNested = IsNested;
//# sourceMappingURL=field-rules.js.map
