import { ApiProperty } from '@nestjs/swagger';
import { CHECKOUT_STATES } from '../../../common/checkout';
import { ID_PATTERN } from '../../../common/validate-checkout';
import { type ApiCheckoutState, EXECUTION_END_STATES } from '../checkouts/dto/checkout-responses';
import { IsId } from '../validation/field-rules';

export class CustomerIdParams {
  @ApiProperty({ example: 'c-42', pattern: ID_PATTERN.source })
  @IsId()
  customerId: string;
}

export class CustomerCheckoutResponse {
  @ApiProperty({ example: 'co-1' }) checkoutId: string;
  @ApiProperty({ example: 'checkout-co-1' }) workflowId: string;
  @ApiProperty({ enum: [...CHECKOUT_STATES, ...EXECUTION_END_STATES] }) status: ApiCheckoutState;
  @ApiProperty({ type: Number, nullable: true, example: 59.9 }) cartTotal: number | null;
  @ApiProperty({ example: 1 }) remindersSent: number;
  @ApiProperty({ example: '2025-01-31T12:00:00.000Z' }) startedAt: string;
  @ApiProperty({ type: String, nullable: true }) closedAt: string | null;
}
