// Response shapes of the analytics routes, for the OpenAPI document; the service returns plain objects.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECOVERY_EVENT_TYPES } from '../../../../common/recovery-events';
import { FUNNEL_STAGES, NOT_ENOUGH_DATA } from '../summary';

class CreditFiguresResponse {
  @ApiProperty({ example: 120, description: 'Reminders sent (treated checkouts)' }) sent: number;
  @ApiProperty({ example: 30, description: 'Checkouts whose resume link from it was followed' }) clicked: number;
  @ApiProperty({ example: 12, description: 'Recoveries credited to it (last reminder before the order)' })
  recovered: number;
  @ApiProperty({ example: 718.8, description: 'Their order revenue, in `currency`' }) revenue: number;
}

class StepFiguresResponse extends CreditFiguresResponse {
  @ApiProperty({ example: 1 }) step: number;
}

class ChannelFiguresResponse extends CreditFiguresResponse {
  @ApiProperty({ example: 'email' }) channel: string;
}

class ReasonFiguresResponse {
  @ApiProperty({ example: 'shipping_cost' }) reason: string;
  @ApiProperty({ example: 80 }) checkouts: number;
  @ApiProperty({ example: 9 }) recovered: number;
}

class GroupFiguresResponse {
  @ApiProperty({ example: 950 }) checkouts: number;
  @ApiProperty({ example: 133, description: 'Checkouts with any order, before or after reminders' }) ordered: number;
  @ApiProperty({ example: 0.14 }) rate: number;
}

class HoldoutResponse {
  @ApiProperty({ type: GroupFiguresResponse }) treated: GroupFiguresResponse;
  @ApiProperty({ type: GroupFiguresResponse, description: 'The holdout group' }) control: GroupFiguresResponse;
  @ApiProperty({
    example: 0.04,
    nullable: true,
    description: 'treated rate − control rate; null below the minimum sample',
  })
  lift: number | null;
  @ApiProperty({ example: 0.4, nullable: true, description: 'lift / control rate' }) relativeLift: number | null;
  @ApiProperty({
    example: [0.1, 0.8],
    type: [Number],
    nullable: true,
    description: "95% interval of relativeLift (the rate ratio's log method, minus 1); null when a group has no order",
  })
  relativeLiftCI: [number, number] | null;
  @ApiProperty({
    example: [0.01, 0.07],
    type: [Number],
    nullable: true,
    description: "95% interval of lift, Newcombe's hybrid score method",
  })
  liftCI: [number, number] | null;
  @ApiProperty({ example: 1520.5, nullable: true, description: 'In `currency`' }) incrementalRevenue: number | null;
  @ApiProperty({ enum: ['lift', 'no measurable lift', 'negative lift', NOT_ENOUGH_DATA] }) verdict: string;
  @ApiProperty({ example: 30, description: 'Checkouts each group needs before a lift is reported' }) minSample: number;
}

class CurrencyRevenueResponse {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: 718.8 }) recoveredRevenue: number;
  @ApiProperty({ example: 640.2 }) clickRecoveredRevenue: number;
  @ApiProperty({ example: 1520.5, nullable: true }) incrementalRevenue: number | null;
}

export class SummaryResponse {
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' }) from: string;
  @ApiProperty({ example: '2026-12-01T00:00:00.000Z', description: 'Exclusive' }) to: string;
  @ApiProperty({ example: '5d' }) attributionWindow: string;
  @ApiProperty({ example: 1000, description: 'Checkouts started in the range, both groups' }) checkouts: number;
  @ApiProperty({ example: 700, description: 'Treated checkouts with at least one reminder sent' }) reminded: number;
  @ApiProperty({ example: 120 }) clicked: number;
  @ApiProperty({ example: 60, description: 'Send-attributed recoveries (treated)' }) recovered: number;
  @ApiProperty({ example: 0.063, description: 'recovered / treated checkouts' }) recoveryRate: number;
  @ApiProperty({ example: 3594.5, description: 'In `currency`' }) recoveredRevenue: number;
  @ApiProperty({ type: String, example: 'EUR', nullable: true }) currency: string | null;
  @ApiProperty({ example: 48, description: 'Click-attributed recoveries, reported beside, never added' })
  clickRecovered: number;
  @ApiProperty({ example: 2890 }) clickRecoveredRevenue: number;
  @ApiProperty({ type: [CurrencyRevenueResponse] }) revenueByCurrency: CurrencyRevenueResponse[];
  @ApiProperty({ type: [StepFiguresResponse] }) byStep: StepFiguresResponse[];
  @ApiProperty({ type: [ChannelFiguresResponse] }) byChannel: ChannelFiguresResponse[];
  @ApiProperty({ type: [ReasonFiguresResponse] }) byReason: ReasonFiguresResponse[];
  @ApiProperty({ type: HoldoutResponse }) holdout: HoldoutResponse;
}

class FunnelStepResponse {
  @ApiProperty({ enum: FUNNEL_STAGES }) step: string;
  @ApiProperty({ example: 600, description: 'Checkouts that reached this step or a later one' }) checkouts: number;
  @ApiProperty({ example: 150, description: 'Lost since the step before' }) dropOff: number;
  @ApiProperty({ example: 0.2 }) dropOffRate: number;
}

export class FunnelResponse {
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' }) from: string;
  @ApiProperty({ example: '2026-12-01T00:00:00.000Z' }) to: string;
  @ApiProperty({ example: 1000 }) checkouts: number;
  @ApiProperty({ type: [FunnelStepResponse] }) steps: FunnelStepResponse[];
}

class DayResponse {
  @ApiProperty({ example: '2026-11-02' }) day: string;
  @ApiProperty({ example: 40 }) checkouts: number;
  @ApiProperty({ example: 28 }) reminded: number;
  @ApiProperty({ example: 5 }) clicked: number;
  @ApiProperty({ example: 3 }) recovered: number;
  @ApiProperty({ example: 180.5 }) recoveredRevenue: number;
  @ApiProperty({ type: GroupFiguresResponse }) treated: GroupFiguresResponse;
  @ApiProperty({ type: GroupFiguresResponse }) control: GroupFiguresResponse;
}

export class DailyResponse {
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' }) from: string;
  @ApiProperty({ example: '2026-12-01T00:00:00.000Z' }) to: string;
  @ApiProperty({ type: String, example: 'EUR', nullable: true }) currency: string | null;
  @ApiProperty({ type: [DayResponse] }) days: DayResponse[];
}

class TimelineEventResponse {
  @ApiProperty({ example: 'co-1:reminder:1:sent' }) id: string;
  @ApiProperty({ enum: RECOVERY_EVENT_TYPES }) type: string;
  @ApiProperty({ example: 'co-1' }) checkoutId: string;
  @ApiProperty({ example: 'cust-42' }) customerId: string;
  @ApiProperty({ example: '2026-11-02T11:00:00.000Z' }) at: string;
  @ApiPropertyOptional({ example: 1 }) step?: number;
  @ApiPropertyOptional({ example: 'email' }) channel?: string;
  @ApiPropertyOptional({ example: 'holdout' }) reason?: string;
}

export class TimelineResponse {
  @ApiProperty({ example: 'co-1' }) checkoutId: string;
  @ApiProperty({
    type: [TimelineEventResponse],
    description: 'In time order; each carries the fields of its type (common/recovery-events.ts)',
  })
  events: TimelineEventResponse[];
}
