import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, Matches, ValidateIf, ValidateNested } from 'class-validator';
import {
  CHECKOUT_EVENT_TYPES,
  type CheckoutEventType,
  STEP_SLUG_PATTERN,
  STEP_SLUG_RULE,
} from '../../../../common/checkout-events';
import { ApiSchemaExtra } from '../../http/schema-extras';
import {
  ISO_TIME_SCHEMA,
  IsAmount,
  IsIsoTime,
  IsNested,
  IsText,
  MAX_AMOUNT,
  Optional,
} from '../../validation/field-rules';

// One request carries a journey's worth of events; more is a runaway integration.
export const MAX_EVENTS_PER_REQUEST = 100;
const SHORT_TEXT = 64;

export class PartialAddressDto {
  @ApiPropertyOptional({ example: 'DE' }) @Optional() @IsText(SHORT_TEXT) country?: string;
  @ApiPropertyOptional({ example: '10115' }) @Optional() @IsText(SHORT_TEXT) postalCode?: string;
  @ApiPropertyOptional({ example: 'Berlin' }) @Optional() @IsText(SHORT_TEXT) city?: string;
}

/** The field each of these event types requires: the checks below and the document's schema both read it. */
export const REQUIRED_BY_TYPE = {
  shipping_options_viewed: 'shippingCost',
  payment_method_selected: 'paymentMethod',
  payment_failed: 'declineReason',
  item_out_of_stock: 'sku',
  address_entered: 'address',
  custom: 'name',
} as const satisfies Partial<Record<CheckoutEventType, string>>;

/** Checked where the event type requires it, and wherever it is given. */
const requiredFor = (type: keyof typeof REQUIRED_BY_TYPE) => (e: CheckoutEventDto, value: unknown) =>
  e.type === type || value !== undefined;

/** In the schema: for each such type, either the event is of another type or it has the field. */
const requiredByType = Object.entries(REQUIRED_BY_TYPE).map(([type, field]) => ({
  anyOf: [{ properties: { type: { not: { enum: [type] } } } }, { required: [field] }],
}));

@ApiSchemaExtra({ allOf: requiredByType })
export class CheckoutEventDto {
  @ApiProperty({ enum: CHECKOUT_EVENT_TYPES })
  @IsIn(CHECKOUT_EVENT_TYPES, { message: `must be one of ${CHECKOUT_EVENT_TYPES.join(', ')}` })
  type: CheckoutEventType;

  @ApiProperty({ example: '2025-01-31T12:00:00Z', ...ISO_TIME_SCHEMA, description: 'When the shopper did it' })
  @IsIsoTime()
  at: string;

  @ApiPropertyOptional({
    example: 6.9,
    minimum: 0,
    maximum: MAX_AMOUNT,
    description: 'shipping_options_viewed: the cheapest cost shown (required)',
  })
  @ValidateIf(requiredFor('shipping_options_viewed'))
  @IsAmount()
  shippingCost?: number;

  @ApiPropertyOptional({ example: 'card', description: 'payment_method_selected (required), payment_failed' })
  @ValidateIf(requiredFor('payment_method_selected'))
  @IsText(SHORT_TEXT)
  paymentMethod?: string;

  @ApiPropertyOptional({ example: 'insufficient_funds', description: 'payment_failed (required)' })
  @ValidateIf(requiredFor('payment_failed'))
  @IsText(SHORT_TEXT)
  declineReason?: string;

  @ApiPropertyOptional({ example: 'WELCOME10', description: 'coupon_rejected' })
  @Optional()
  @IsText(SHORT_TEXT)
  couponCode?: string;

  @ApiPropertyOptional({ example: 'SKU-1', description: 'item_out_of_stock (required)' })
  @ValidateIf(requiredFor('item_out_of_stock'))
  @IsText(SHORT_TEXT)
  sku?: string;

  @ApiPropertyOptional({ type: PartialAddressDto, description: 'address_entered (required)' })
  @ValidateIf(requiredFor('address_entered'))
  @IsNested(() => PartialAddressDto)
  address?: PartialAddressDto;

  @ApiPropertyOptional({
    example: 'gift_wrap_chosen',
    pattern: STEP_SLUG_PATTERN.source,
    description: 'custom: the step name (required), a slug: it becomes the CheckoutStep search attribute',
  })
  @ValidateIf(requiredFor('custom'))
  @IsText(SHORT_TEXT)
  @Matches(STEP_SLUG_PATTERN, { message: STEP_SLUG_RULE })
  name?: string;
}

export class RecordEventsDto {
  @ApiProperty({ type: [CheckoutEventDto], minItems: 1, maxItems: MAX_EVENTS_PER_REQUEST })
  @IsArray({ message: 'must be an array of events' })
  @ArrayMinSize(1, { message: 'must hold at least one event' })
  @ArrayMaxSize(MAX_EVENTS_PER_REQUEST, { message: `must hold at most ${MAX_EVENTS_PER_REQUEST} events` })
  @ValidateNested({ each: true })
  @Type(() => CheckoutEventDto)
  events: CheckoutEventDto[];
}
