import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CHECKOUT_EVENT_TYPES,
  type CheckoutEventType,
  STEP_SLUG_PATTERN,
  STEP_SLUG_RULE,
} from '../../../../common/checkout-events';
import { IsAmount, IsIsoTime, IsNested, IsText } from '../../validation/field-rules';

// One request carries a journey's worth of events; more is a runaway integration.
export const MAX_EVENTS_PER_REQUEST = 100;
const SHORT_TEXT = 64;

export class PartialAddressDto {
  @ApiPropertyOptional({ example: 'DE' }) @IsOptional() @IsText(SHORT_TEXT) country?: string;
  @ApiPropertyOptional({ example: '10115' }) @IsOptional() @IsText(SHORT_TEXT) postalCode?: string;
  @ApiPropertyOptional({ example: 'Berlin' }) @IsOptional() @IsText(SHORT_TEXT) city?: string;
}

const is =
  (...types: CheckoutEventType[]) =>
  (e: CheckoutEventDto) =>
    types.includes(e.type);

export class CheckoutEventDto {
  @ApiProperty({ enum: CHECKOUT_EVENT_TYPES })
  @IsIn(CHECKOUT_EVENT_TYPES, { message: `must be one of ${CHECKOUT_EVENT_TYPES.join(', ')}` })
  type: CheckoutEventType;

  @ApiProperty({ example: '2025-01-31T12:00:00Z', description: 'When the shopper did it' })
  @IsIsoTime()
  at: string;

  @ApiPropertyOptional({ example: 6.9, description: 'shipping_options_viewed: the cheapest cost shown (required)' })
  @ValidateIf(is('shipping_options_viewed'))
  @IsAmount()
  shippingCost?: number;

  @ApiPropertyOptional({ example: 'card', description: 'payment_method_selected (required), payment_failed' })
  @ValidateIf((e: CheckoutEventDto) => is('payment_method_selected')(e) || e.paymentMethod !== undefined)
  @IsText(SHORT_TEXT)
  paymentMethod?: string;

  @ApiPropertyOptional({ example: 'insufficient_funds', description: 'payment_failed (required)' })
  @ValidateIf(is('payment_failed'))
  @IsText(SHORT_TEXT)
  declineReason?: string;

  @ApiPropertyOptional({ example: 'WELCOME10', description: 'coupon_rejected' })
  @IsOptional()
  @IsText(SHORT_TEXT)
  couponCode?: string;

  @ApiPropertyOptional({ example: 'SKU-1', description: 'item_out_of_stock (required)' })
  @ValidateIf(is('item_out_of_stock'))
  @IsText(SHORT_TEXT)
  sku?: string;

  @ApiPropertyOptional({ type: PartialAddressDto, description: 'address_entered (required)' })
  @ValidateIf(is('address_entered'))
  @IsNested(() => PartialAddressDto)
  address?: PartialAddressDto;

  @ApiPropertyOptional({
    example: 'gift_wrap_chosen',
    pattern: STEP_SLUG_PATTERN.source,
    description: 'custom: the step name (required), a slug: it becomes the CheckoutStep search attribute',
  })
  @ValidateIf(is('custom'))
  @IsText(SHORT_TEXT)
  @Matches(STEP_SLUG_PATTERN, { message: STEP_SLUG_RULE })
  name?: string;
}

export class RecordEventsDto {
  @ApiProperty({ type: [CheckoutEventDto] })
  @IsArray({ message: 'must be an array of events' })
  @ArrayMinSize(1, { message: 'must hold at least one event' })
  @ArrayMaxSize(MAX_EVENTS_PER_REQUEST, { message: `must hold at most ${MAX_EVENTS_PER_REQUEST} events` })
  @ValidateNested({ each: true })
  @Type(() => CheckoutEventDto)
  events: CheckoutEventDto[];
}
