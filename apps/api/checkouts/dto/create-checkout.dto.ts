import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { pushSubscriptionErrors } from '../../../../common/push-subscription';
import { MAX_STEPS } from '../../../../common/schedule';
import { E164_PATTERN, HTTP_URL_PATTERN, ID_PATTERN } from '../../../../common/validate-checkout';
import { TIER_PATTERN } from '../../../../common/validate-policy';
import {
  AUTH_SECRET_BASE64URL,
  AUTH_SECRET_BYTES,
  decodeBase64Url,
  isUncompressedP256Point,
  P256_POINT_BASE64URL,
} from '../../../../common/web-push-keys';
import {
  ISO_TIME_SCHEMA,
  IsAmount,
  IsEmailAddress,
  IsHttpUrl,
  IsId,
  IsIsoTime,
  IsLocaleTag,
  IsNested,
  IsNonNegativeNumber,
  IsQuantity,
  IsSchedule,
  IsText,
  IsTimeZone,
  LOCALE_PATTERN,
  MAX_AMOUNT,
  MAX_EMAIL_LENGTH,
  MAX_URL_LENGTH,
  Optional,
  rule,
  TIME_ZONES,
} from '../../validation/field-rules';
import { ScheduleStepDto } from './schedule-step.dto';

// Bounds that keep one workflow input small (it is stored in every history event that carries it).
export const MAX_CART_LINES = 100;
export const MAX_QUANTITY = 10_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_SKU_LENGTH = 128;

export class PushSubscriptionKeysDto {
  @ApiProperty({
    description: "The browser's P-256 public key, base64url (65 bytes)",
    pattern: P256_POINT_BASE64URL.source,
    example: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
  })
  @rule(
    'isP256Key',
    'must be base64url of an uncompressed P-256 public key (65 bytes)',
    (v) => typeof v === 'string' && isUncompressedP256Point(v),
  )
  p256dh: string;

  @ApiProperty({
    description: 'The authentication secret, base64url (16 bytes)',
    pattern: AUTH_SECRET_BASE64URL.source,
    example: 'tBHItJI5svbpez7KI4CCXg',
  })
  @rule(
    'isAuthSecret',
    'must be base64url of 16 bytes',
    (v) => typeof v === 'string' && decodeBase64Url(v)?.length === AUTH_SECRET_BYTES,
  )
  auth: string;
}

export class PushSubscriptionDto {
  @ApiProperty({
    example: 'https://fcm.googleapis.com/fcm/send/eX4mPl3',
    maxLength: MAX_URL_LENGTH,
    format: 'uri',
    pattern: HTTP_URL_PATTERN.source,
  })
  @IsHttpUrl()
  // The workflow's own endpoint check too (no credentials in the URL), so the edge never accepts less.
  @rule(
    'isPushEndpoint',
    'must be an http(s) URL without credentials',
    (v) => !pushSubscriptionErrors({ endpoint: v, keys: {} }, 's').some((e) => e.field === 's.endpoint'),
  )
  endpoint: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, description: 'Epoch ms, as the browser gives it' })
  @IsOptional()
  @IsNonNegativeNumber()
  expirationTime?: number | null;

  @ApiProperty({ type: PushSubscriptionKeysDto })
  @IsNested(() => PushSubscriptionKeysDto)
  keys: PushSubscriptionKeysDto;
}

export class CustomerDto {
  @ApiProperty({ example: 'c-42', pattern: ID_PATTERN.source })
  @IsId()
  id: string;

  @ApiProperty({ example: 'ada@example.com', maxLength: MAX_EMAIL_LENGTH, format: 'email' })
  @IsEmailAddress()
  email: string;

  @ApiPropertyOptional({ example: 'Ada', maxLength: MAX_NAME_LENGTH })
  @Optional()
  @IsText(MAX_NAME_LENGTH)
  name?: string;

  @ApiPropertyOptional({
    example: 'de-DE',
    pattern: LOCALE_PATTERN.source,
    description: 'BCP 47 tag: language, optional script and region (de-DE, zh-Hant-TW, es-419)',
  })
  @Optional()
  @IsLocaleTag()
  locale?: string;

  @ApiPropertyOptional({ enum: TIME_ZONES, example: 'Europe/Berlin', description: 'IANA time zone' })
  @Optional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    example: '+14155550123',
    pattern: E164_PATTERN.source,
    description: 'E.164 mobile number, for SMS reminders',
  })
  @Optional()
  @Matches(E164_PATTERN, { message: 'must be an E.164 number like "+14155550123"' })
  phone?: string;

  @ApiPropertyOptional({
    type: PushSubscriptionDto,
    description: "The browser's PushSubscription.toJSON(), for web push reminders",
  })
  @Optional()
  @IsNested(() => PushSubscriptionDto)
  pushSubscription?: PushSubscriptionDto;

  @ApiPropertyOptional({
    example: 'gold',
    pattern: TIER_PATTERN.source,
    description: "The shop's loyalty tier; discount rules may depend on it",
  })
  @Optional()
  @rule(
    'isTier',
    'must be 1-64 letters, digits, spaces, ".", "_" or "-"',
    (v) => typeof v === 'string' && TIER_PATTERN.test(v),
  )
  tier?: string;
}

export class CartLineDto {
  @ApiProperty({ example: 'SKU-1', maxLength: MAX_SKU_LENGTH })
  @IsText(MAX_SKU_LENGTH)
  sku: string;

  @ApiProperty({ example: 'Blue mug', maxLength: MAX_NAME_LENGTH })
  @IsText(MAX_NAME_LENGTH)
  name: string;

  @ApiProperty({ type: 'integer', example: 2, minimum: 1, maximum: MAX_QUANTITY })
  @IsQuantity(MAX_QUANTITY)
  quantity: number;

  @ApiProperty({ example: 19.95, minimum: 0, maximum: MAX_AMOUNT, description: 'Price of one unit, major units' })
  @IsAmount()
  unitPrice: number;

  @ApiPropertyOptional({
    example: 'https://shop.example.com/img/mug.png',
    maxLength: MAX_URL_LENGTH,
    format: 'uri',
    pattern: HTTP_URL_PATTERN.source,
  })
  @Optional()
  @IsHttpUrl()
  imageUrl?: string;
}

export class CartDto {
  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' })
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code of 3 uppercase letters like "EUR"' })
  currency: string;

  @ApiProperty({ example: 59.9, minimum: 0, maximum: MAX_AMOUNT })
  @IsAmount()
  total: number;

  @ApiProperty({ type: [CartLineDto], maxItems: MAX_CART_LINES })
  @IsArray({ message: 'must be an array' })
  @ArrayMaxSize(MAX_CART_LINES, { message: `must have at most ${MAX_CART_LINES} lines` })
  @ValidateNested({ each: true })
  @Type(() => CartLineDto)
  items: CartLineDto[];
}

export class CreateCheckoutDto {
  @ApiProperty({ example: 'co-1', pattern: ID_PATTERN.source })
  @IsId()
  checkoutId: string;

  @ApiProperty({ type: CustomerDto })
  @IsNested(() => CustomerDto)
  customer: CustomerDto;

  @ApiProperty({ type: CartDto })
  @IsNested(() => CartDto)
  cart: CartDto;

  @ApiProperty({
    example: 'https://shop.example.com/checkout/co-1',
    maxLength: MAX_URL_LENGTH,
    format: 'uri',
    pattern: HTTP_URL_PATTERN.source,
  })
  @IsHttpUrl()
  checkoutUrl: string;

  @ApiPropertyOptional({
    type: [ScheduleStepDto],
    minItems: 1,
    maxItems: MAX_STEPS,
    description: 'Overrides the configured default schedule for this checkout; offsets must increase',
  })
  @Optional()
  @IsSchedule()
  @ValidateNested({ each: true })
  @Type(() => ScheduleStepDto)
  schedule?: ScheduleStepDto[];

  @ApiPropertyOptional({
    example: '2025-01-31T12:00:00Z',
    ...ISO_TIME_SCHEMA,
    description: "The shopper's last activity; reminders count from it. Defaults to now",
  })
  @Optional()
  @IsIsoTime()
  lastActivityAt?: string;
}
