import { ApiProperty } from '@nestjs/swagger';
import { ID_PATTERN } from '../../../common/validate-checkout';
import { IsEmailAddress, IsId, MAX_EMAIL_LENGTH } from '../validation/field-rules';

/** What POST /api/checkout makes (`legacy-` and a UUID). */
const LEGACY_ID_EXAMPLE = 'legacy-6f1c2a9e-8b3d-4c1f-9a2e-5d7b3c9e1f04';

export class LegacyCheckoutDto {
  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: MAX_EMAIL_LENGTH })
  @IsEmailAddress()
  email_id: string;
}

export class LegacyOrderDto {
  @ApiProperty({
    example: LEGACY_ID_EXAMPLE,
    pattern: ID_PATTERN.source,
    description: 'The `order_id` POST /api/checkout returned',
  })
  @IsId()
  order_id: string;

  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: MAX_EMAIL_LENGTH })
  @IsEmailAddress()
  email_id: string;
}

export class LegacyCheckoutResponse {
  @ApiProperty({ example: 'checkout recorded' }) msg: string;
  @ApiProperty({ example: LEGACY_ID_EXAMPLE, description: 'The new checkout id' }) order_id: string;
}

export class LegacyMessageResponse {
  @ApiProperty({ example: 'order recorded' }) msg: string;
}
