import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN } from '../../../common/validate-checkout';
import { PAYMENT_PROVIDER_IDS } from '../../../config/checkout-config';
import { IsId } from '../validation/field-rules';

export class VaultItemParams {
  @ApiProperty({ example: 'c-42', pattern: ID_PATTERN.source }) @IsId() customerId: string;
  @ApiProperty({ example: 'addr_1a2b3c', pattern: ID_PATTERN.source }) @IsId() id: string;
}

/** OpenAPI only: checked by checkout/address-rules.ts per country. */
export class AddressBody {
  @ApiProperty({ example: 'Ada Lovelace' }) name: string;
  @ApiProperty({ example: '1 Main Street' }) line1: string;
  @ApiPropertyOptional({ example: 'Flat 2', nullable: true }) line2?: string;
  @ApiProperty({ example: 'Springfield' }) city: string;
  @ApiPropertyOptional({
    example: 'IL',
    nullable: true,
    description: 'Required where the country uses regions (US, CA, AU…); ISO 3166-2 code or name',
  })
  region?: string;
  @ApiProperty({ example: '62704', description: "Checked against the country's postcode pattern" }) postalCode: string;
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' }) country: string;
  @ApiPropertyOptional({ example: '+14155550123', nullable: true }) phone?: string;
  @ApiPropertyOptional({ description: "Make it the customer's default", default: false }) default?: boolean;
}

export class AddressResponse extends AddressBody {
  @ApiProperty({ example: 'addr_1a2b3c' }) id: string;
  @ApiProperty({ example: ['Ada Lovelace', '1 Main Street', 'Springfield, IL 62704', 'United States'] })
  formatted: string[];
  @ApiProperty() isDefault: boolean;
}

class ProviderTokensSchema {
  @ApiPropertyOptional({ example: 'pm_card_visa' }) stripe?: string;
  @ApiPropertyOptional({ example: 'adyen-stored-8415' }) adyen?: string;
}

export class PaymentMethodBody {
  @ApiProperty({
    type: ProviderTokensSchema,
    example: { stripe: 'pm_card_visa' },
    description: 'Provider tokens only; card numbers and CVCs are refused',
  })
  tokens: ProviderTokensSchema;
  @ApiPropertyOptional({ default: false }) default?: boolean;
}

export class PaymentMethodResponse {
  @ApiProperty({ example: 'pmeth_1a2b3c' }) id: string;
  @ApiProperty({ example: 'visa' }) brand: string;
  @ApiProperty({ example: '4242' }) last4: string;
  @ApiProperty({ example: 12 }) expMonth: number;
  @ApiProperty({ example: 2030 }) expYear: number;
  @ApiProperty() isDefault: boolean;
  @ApiProperty({ enum: PAYMENT_PROVIDER_IDS, isArray: true }) providers: string[];
}
