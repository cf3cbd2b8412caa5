import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyProtected } from '../http/api-key.decorators';
import { LegacyCheckoutDto, LegacyCheckoutResponse, LegacyMessageResponse, LegacyOrderDto } from './legacy.dto';
import { LegacyService } from './legacy.service';

@ApiTags('legacy')
@ApiKeyProtected()
@ApiResponse({ status: 400, description: 'Invalid input; `errors` names each field' })
@Controller('api')
export class LegacyController {
  constructor(private readonly legacy: LegacyService) {}

  @Post('checkout')
  @HttpCode(200)
  @ApiOperation({
    deprecated: true,
    summary: 'Old system: a checkout known only by email; use POST /checkouts',
    description: 'Starts a checkout with an empty USD cart and the default schedule; `order_id` is its checkout id.',
  })
  @ApiResponse({ status: 200, type: LegacyCheckoutResponse })
  checkout(@Body() body: LegacyCheckoutDto): Promise<LegacyCheckoutResponse> {
    return this.legacy.checkout(body.email_id);
  }

  @Post('order')
  @HttpCode(200)
  @ApiOperation({ deprecated: true, summary: 'Old system: the checkout `order_id` was ordered; use POST /orders' })
  @ApiResponse({ status: 200, type: LegacyMessageResponse })
  order(@Body() body: LegacyOrderDto): Promise<LegacyMessageResponse> {
    return this.legacy.order(body.order_id);
  }
}
