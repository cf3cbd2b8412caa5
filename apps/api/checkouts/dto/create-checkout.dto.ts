import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { MAX_STEPS } from '../../../../common/schedule';
import { ID_PATTERN } from '../../../../common/validate-checkout';
import { TIER_PATTERN } from '../../../../common/validate-policy';
import {
  IsAmount,
  IsEmailAddress,
  IsHttpUrl,
  IsId,
  IsIsoTime,
  IsLocaleTag,
  IsNested,
  IsQuantity,
  IsSchedule,
  IsText,
  IsTimeZone,
  MAX_EMAIL_LENGTH,
  MAX_URL_LENGTH,
  rule,
} from '../../validation/field-rules';
import { ScheduleStepDto } from './schedule-step.dto';

// Bounds that keep one workflow input small (it is stored in every history event that carries it).
export const MAX_CART_LINES = 100;
export const MAX_QUANTITY = 10_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_SKU_LENGTH = 128;

export class CustomerDto {
  @ApiProperty({ example: 'c-42', pattern: ID_PATTERN.source })
  @IsId()
  id: string;

  @ApiProperty({ example: 'ada@example.com', maxLength: MAX_EMAIL_LENGTH })
  @IsEmailAddress()
  email: string;

  @ApiPropertyOptional({ example: 'Ada', maxLength: MAX_NAME_LENGTH })
  @IsOptional()
  @IsText(MAX_NAME_LENGTH)
  name?: string;

  @ApiPropertyOptional({ example: 'de-DE', description: 'BCP 47 tag' })
  @IsOptional()
  @IsLocaleTag()
  locale?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'IANA time zone' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    example: 'gold',
    pattern: TIER_PATTERN.source,
    description: "The shop's loyalty tier; discount rules may depend on it",
  })
  @IsOptional()
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

  @ApiProperty({ example: 2, minimum: 1, maximum: MAX_QUANTITY })
  @IsQuantity(MAX_QUANTITY)
  quantity: number;

  @ApiProperty({ example: 19.95, minimum: 0, description: 'Price of one unit, major units' })
  @IsAmount()
  unitPrice: number;

  @ApiPropertyOptional({ example: 'https://shop.example.com/img/mug.png', maxLength: MAX_URL_LENGTH })
  @IsOptional()
  @IsHttpUrl()
  imageUrl?: string;
}

export class CartDto {
  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' })
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code of 3 uppercase letters like "EUR"' })
  currency: string;

  @ApiProperty({ example: 59.9, minimum: 0 })
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

  @ApiProperty({ example: 'https://shop.example.com/checkout/co-1', maxLength: MAX_URL_LENGTH })
  @IsHttpUrl()
  checkoutUrl: string;

  @ApiPropertyOptional({
    type: [ScheduleStepDto],
    maxItems: MAX_STEPS,
    description: 'Overrides the configured default schedule for this checkout; offsets must increase',
  })
  @IsOptional()
  @IsSchedule()
  @ValidateNested({ each: true })
  @Type(() => ScheduleStepDto)
  schedule?: ScheduleStepDto[];

  @ApiPropertyOptional({
    example: '2025-01-31T12:00:00Z',
    description: "The shopper's last activity; reminders count from it. Defaults to now",
  })
  @IsOptional()
  @IsIsoTime()
  lastActivityAt?: string;
}
