import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CustomerVault, SavedAddress, SavedPaymentMethod } from '../../../checkout/customer-vault';
import type { VaultKind } from '../../../storage/vault-store';
import { CustomerIdParams } from '../customers/customer-checkouts';
import { ApiKeyProtected } from '../http/api-key.decorators';
import { InvalidFieldsException, UnusableFieldsException } from '../validation/invalid-fields.exception';
import { CardDataGuard } from './card-data.guard';
import { AddressBody, AddressResponse, PaymentMethodBody, PaymentMethodResponse, VaultItemParams } from './vault.dto';
import { CUSTOMER_VAULT } from './vault.token';

@ApiTags('customers')
@ApiKeyProtected()
@UseGuards(CardDataGuard)
@Controller('customers')
export class VaultController {
  constructor(@Inject(CUSTOMER_VAULT) private readonly vault: CustomerVault | null) {}

  @Post(':customerId/addresses')
  @ApiOperation({ summary: 'Save an address, validated and normalised for its country' })
  @ApiBody({ type: AddressBody })
  @ApiResponse({ status: 201, type: AddressResponse })
  @ApiResponse({ status: 400, description: 'Invalid address; `errors` names each field (e.g. `postalCode`)' })
  @ApiResponse({ status: 503, description: 'No database or vault key' })
  async addAddress(
    @Param() { customerId }: CustomerIdParams,
    @Body() body: Record<string, unknown>,
  ): Promise<SavedAddress> {
    const { default: makeDefault, ...address } = body ?? {};
    requireBooleanDefault(makeDefault);
    return unwrap(await this.open().addAddress(customerId, address, makeDefault === true));
  }

  @Get(':customerId/addresses')
  @ApiOperation({ summary: "The customer's saved addresses (the default first)" })
  @ApiResponse({ status: 200, type: AddressResponse, isArray: true })
  async addresses(@Param() { customerId }: CustomerIdParams): Promise<SavedAddress[]> {
    return defaultFirst(await this.open().addresses(customerId));
  }

  @Delete(':customerId/addresses/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget a saved address' })
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiResponse({ status: 404, description: 'No such address for this customer' })
  removeAddress(@Param() { customerId, id }: VaultItemParams): Promise<void> {
    return this.remove('address', customerId, id);
  }

  @Post(':customerId/payment-methods')
  @ApiOperation({
    summary: 'Save a payment method as provider tokens',
    description:
      'Brand, last 4 digits and expiry are read back from the provider. A body that carries anything like a card ' +
      'number or a CVC is refused with 400 and neither stored nor logged.',
  })
  @ApiBody({ type: PaymentMethodBody })
  @ApiResponse({ status: 201, type: PaymentMethodResponse })
  @ApiResponse({ status: 400, description: 'Card data or a malformed token; `errors` names the field' })
  @ApiResponse({ status: 422, description: 'A token the provider does not know, or no configured provider' })
  @ApiResponse({ status: 503, description: 'No database or vault key, or the provider is unreachable' })
  async addPaymentMethod(
    @Param() { customerId }: CustomerIdParams,
    @Body() body: Record<string, unknown>,
  ): Promise<SavedPaymentMethod> {
    requireBooleanDefault(body?.default);
    const makeDefault = body?.default === true;
    return unwrap(await this.open().addPaymentMethod(customerId, body, makeDefault));
  }

  @Get(':customerId/payment-methods')
  @ApiOperation({ summary: "The customer's saved payment methods (no tokens; the default first)" })
  @ApiResponse({ status: 200, type: PaymentMethodResponse, isArray: true })
  async paymentMethods(@Param() { customerId }: CustomerIdParams): Promise<SavedPaymentMethod[]> {
    return defaultFirst(await this.open().paymentMethods(customerId));
  }

  @Delete(':customerId/payment-methods/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget a saved payment method' })
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiResponse({ status: 404, description: 'No such payment method for this customer' })
  removePaymentMethod(@Param() { customerId, id }: VaultItemParams): Promise<void> {
    return this.remove('paymentMethod', customerId, id);
  }

  private async remove(kind: VaultKind, customerId: string, id: string): Promise<void> {
    if (!(await this.open().remove(kind, customerId, id))) throw new NotFoundException(`no ${id} for ${customerId}`);
  }

  private open(): CustomerVault {
    if (!this.vault)
      throw new ServiceUnavailableException(
        'the vault needs a database and a key (VAULT_ENCRYPTION_KEYS or the payload keys)',
      );
    return this.vault;
  }
}

function unwrap<T>(
  outcome:
    | { ok: true; value: T }
    | { ok: false; errors: { field: string; reason: string }[]; unusable?: boolean }
    | { ok: false; unavailable: string },
): T {
  if (outcome.ok) return outcome.value;
  if ('unavailable' in outcome) throw new ServiceUnavailableException(outcome.unavailable);
  if (outcome.unusable) throw new UnusableFieldsException(outcome.errors);
  throw new InvalidFieldsException(outcome.errors);
}

const defaultFirst = <T extends { isDefault: boolean }>(items: T[]): T[] =>
  [...items].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));

/** `default` is optional; when given it is true or false, never something that merely looks truthy. */
function requireBooleanDefault(value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean')
    throw new InvalidFieldsException([{ field: 'default', reason: 'must be true or false' }]);
}
