import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { AddressProvider, AddressSuggestion } from '../../../checkout/address-provider';
import { ID_PATTERN } from '../../../common/validate-checkout';
import { ApiKeyProtected } from '../http/api-key.decorators';
import { IsId, IsText, Optional } from '../validation/field-rules';

export const ADDRESS_PROVIDER = 'AddressProvider';

export class AutocompleteQuery {
  @ApiProperty({
    example: 'Berl',
    pattern: '\\S',
    maxLength: 100,
    description: 'What the shopper typed (1-100 characters)',
  })
  @IsText(100)
  @Matches(/\S/, { message: 'must not be blank' })
  q: string;

  @ApiProperty({ example: 'DE', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code, e.g. "DE"' })
  country: string;

  @ApiProperty({
    example: 's-1',
    pattern: ID_PATTERN.source,
    description: "The shopper's typing session (hosted providers bill per session)",
  })
  @IsId()
  session: string;

  @ApiPropertyOptional({ example: 'c-42', pattern: ID_PATTERN.source, description: 'Their saved addresses come first' })
  @Optional()
  @IsId()
  customerId?: string;
}

class SuggestionFields {
  @ApiPropertyOptional() line1?: string;
  @ApiPropertyOptional({ example: 'Berlin' }) city?: string;
  @ApiPropertyOptional({ example: 'BE' }) region?: string;
  @ApiPropertyOptional() postalCode?: string;
  @ApiProperty({ example: 'DE' }) country: string;
}

class SuggestionResponse {
  @ApiProperty({ example: 'Berlin, Berlin' }) label: string;
  @ApiProperty({ enum: ['saved', 'places'] }) source: string;
  @ApiProperty({ type: SuggestionFields }) fields: SuggestionFields;
  @ApiPropertyOptional({ example: 'addr_1a2b3c' }) addressId?: string;
}

@ApiTags('customers')
@ApiKeyProtected()
@Controller('addresses')
export class AutocompleteController {
  constructor(@Inject(ADDRESS_PROVIDER) private readonly provider: AddressProvider) {}

  @Get('autocomplete')
  @ApiOperation({ summary: 'Address suggestions as the shopper types: their saved addresses, then places' })
  @ApiResponse({ status: 200, type: SuggestionResponse, isArray: true })
  @ApiResponse({ status: 400, description: 'Invalid query; `errors` names each parameter' })
  suggest(@Query() query: AutocompleteQuery): Promise<AddressSuggestion[]> {
    return this.provider.suggest(query);
  }
}
