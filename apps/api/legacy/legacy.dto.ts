import { ApiProperty } from '@nestjs/swagger';
import { IsEmailAddress, IsId } from '../validation/field-rules';

export class LegacyCheckoutDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsEmailAddress()
  email_id: string;
}

export class LegacyOrderDto {
  @ApiProperty({ example: 'legacy-6f1c…', description: 'The `order_id` POST /api/checkout returned' })
  @IsId()
  order_id: string;

  @ApiProperty({ example: 'ada@example.com' })
  @IsEmailAddress()
  email_id: string;
}

export class LegacyCheckoutResponse {
  @ApiProperty({ example: 'checkout recorded' }) msg: string;
  @ApiProperty({ example: 'legacy-6f1c…', description: 'The new checkout id' }) order_id: string;
}

export class LegacyMessageResponse {
  @ApiProperty({ example: 'order recorded' }) msg: string;
}
