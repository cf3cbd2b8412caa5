import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyProtected } from '../http/api-key.decorators';
import { CustomerCheckoutResponse, CustomerIdParams } from './customer-checkouts';
import { CustomerCheckoutsService, MAX_LISTED_CHECKOUTS } from './customer-checkouts.service';

@ApiTags('customers')
@ApiKeyProtected()
@Controller('customers')
export class CustomerCheckoutsController {
  constructor(private readonly customerCheckouts: CustomerCheckoutsService) {}

  @Get(':customerId/checkouts')
  @ApiOperation({
    summary: "A customer's checkouts, newest first",
    description:
      "Read from Temporal's visibility store, which is eventually consistent: a checkout started or changed " +
      'a moment ago may be missing or show its previous state for a second or so. For the current state of ' +
      `one checkout use GET /checkouts/{id}. At most ${MAX_LISTED_CHECKOUTS} are listed.`,
  })
  @ApiResponse({ status: 200, type: [CustomerCheckoutResponse] })
  @ApiResponse({ status: 400, description: 'Invalid customerId' })
  list(@Param() { customerId }: CustomerIdParams): Promise<CustomerCheckoutResponse[]> {
    return this.customerCheckouts.list(customerId);
  }
}
