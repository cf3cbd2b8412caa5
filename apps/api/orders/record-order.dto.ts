import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN } from '../../../common/validate-checkout';
import { IsAmount, IsId, MAX_AMOUNT, Optional } from '../validation/field-rules';

export class RecordOrderDto {
  @ApiProperty({ example: 'co-1', pattern: ID_PATTERN.source })
  @IsId()
  checkoutId: string;

  @ApiProperty({ example: 'o-9', pattern: ID_PATTERN.source })
  @IsId()
  orderId: string;

  @ApiPropertyOptional({ example: 59.9, minimum: 0, maximum: MAX_AMOUNT })
  @Optional()
  @IsAmount()
  total?: number;

  @ApiPropertyOptional({
    example: 'SAVE10-7KQ2',
    pattern: ID_PATTERN.source,
    description: 'The discount code the order redeemed, if any (e.g. one a reminder offered)',
  })
  @Optional()
  @IsId()
  discountCode?: string;
}
