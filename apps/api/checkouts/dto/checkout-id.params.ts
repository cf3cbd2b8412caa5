import { ApiProperty } from '@nestjs/swagger';
import { ID_PATTERN } from '../../../../common/validate-checkout';
import { IsId } from '../../validation/field-rules';

export class CheckoutIdParams {
  @ApiProperty({ example: 'co-1', pattern: ID_PATTERN.source })
  @IsId()
  id: string;
}
