import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN } from '../../../common/validate-checkout';
import { IsAmount, IsId, Optional } from '../validation/field-rules';

export class RecordOrderDto {
  @ApiProperty({ example: 'co-1', pattern: ID_PATTERN.source })
  @IsId()
  checkoutId: string;

  @ApiProperty({ example: 'o-9', pattern: ID_PATTERN.source })
  @IsId()
  orderId: string;

  @ApiPropertyOptional({ example: 59.9, minimum: 0 })
  @Optional()
  @IsAmount()
  total?: number;
}
