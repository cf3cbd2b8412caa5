// Response shapes, for the OpenAPI document; the service returns plain objects of these shapes.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, CHECKOUT_STATES, type CheckoutState, TEMPLATES } from '../../../../common/checkout';

/** A workflow that ended without reaching one of the checkout's own states (terminated by an operator, failed). */
export const EXECUTION_END_STATES = ['terminated', 'failed', 'timed_out'] as const;
export type ApiCheckoutState = CheckoutState | (typeof EXECUTION_END_STATES)[number];
const STATES = [...CHECKOUT_STATES, ...EXECUTION_END_STATES];

export class CheckoutAcceptedResponse {
  @ApiProperty({ example: 'co-1' }) checkoutId: string;
  @ApiProperty({ example: 'checkout-co-1' }) workflowId: string;
  @ApiProperty({ enum: STATES, example: 'waiting' }) status: ApiCheckoutState;
  @ApiProperty({ description: 'false when a workflow for this checkout already existed (running or closed)' })
  created: boolean;
}

export class ActivityAcceptedResponse {
  @ApiProperty({ example: 'co-1' }) checkoutId: string;
  @ApiProperty({ example: true }) accepted: true;
}

export class CancelAcceptedResponse {
  @ApiProperty({ example: 'co-1' }) checkoutId: string;
  @ApiProperty({ example: 'checkout-co-1' }) workflowId: string;
  @ApiProperty({ example: true, description: 'The workflow stops and ends as `cancelled`' })
  cancelRequested: true;
}

class ScheduledStepResponse {
  @ApiProperty({ example: 2 }) step: number;
  @ApiProperty({ example: '1d' }) after: string;
  @ApiProperty({ example: 86_400_000 }) afterMs: number;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, description: 'The channels to try, in order' })
  channels?: string[];
  @ApiProperty({ enum: TEMPLATES }) template: string;
  @ApiProperty({ example: '2025-02-01T12:00:00.000Z' }) dueAt: string;
}

class ChannelSkipResponse {
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty({ example: 'the customer has no phone number' }) reason: string;
}

class ReminderResponse {
  @ApiProperty({ example: 1 }) step: number;
  @ApiProperty({ enum: CHANNELS, description: "The channel that delivered it; else the step's first" })
  channel: string;
  @ApiPropertyOptional({ type: [ChannelSkipResponse], description: "The step's channels passed over, and why" })
  skipped?: ChannelSkipResponse[];
  @ApiProperty({ enum: TEMPLATES }) template: string;
  @ApiProperty({ enum: ['sent', 'failed', 'suppressed'] }) outcome: string;
  @ApiProperty() at: string;
  @ApiProperty() dueAt: string;
  @ApiPropertyOptional() messageId?: string;
  @ApiPropertyOptional() reason?: string;
}

class OrderResponse {
  @ApiProperty({ example: 'o-9' }) orderId: string;
  @ApiPropertyOptional({ example: 59.9 }) total?: number;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ description: 'Reminders sent before the order' }) afterStep: number;
  @ApiPropertyOptional({ description: 'The order arrived before the checkout' }) beforeCheckout?: boolean;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) confirmation?: object;
}

export class CheckoutStatusResponse {
  @ApiProperty({ example: 'co-1' }) checkoutId: string;
  @ApiProperty({ example: 'c-42', description: 'Empty when only an early order is known' }) customerId: string;
  @ApiProperty({ enum: CHECKOUT_STATES }) state: CheckoutState;
  @ApiProperty() startedAt: string;
  @ApiProperty() lastActivityAt: string;
  @ApiProperty({ type: String, nullable: true }) nextDueAt: string | null;
  @ApiProperty() remindersSent: number;
  @ApiProperty({ type: [ReminderResponse] }) reminders: ReminderResponse[];
  @ApiProperty({ type: [ScheduledStepResponse] }) upcoming: ScheduledStepResponse[];
  @ApiProperty({ type: OrderResponse, nullable: true }) order: OrderResponse | null;
}
