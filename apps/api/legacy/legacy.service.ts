import { randomUUID } from 'node:crypto';
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { CheckoutsService } from '../checkouts/checkouts.service';
import { OrdersService } from '../orders/orders.service';
import type { LegacyCheckoutResponse, LegacyMessageResponse } from './legacy.dto';
import { legacyRecoveryInput } from './legacy-checkout';

export const LEGACY_CHECKOUT_URL = 'LegacyCheckoutUrl';

/** The old system's two calls, mapped onto checkouts and orders so migrating clients keep working. */
@Injectable()
export class LegacyService {
  constructor(
    private readonly checkouts: CheckoutsService,
    private readonly orders: OrdersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LEGACY_CHECKOUT_URL) private readonly checkoutUrlTemplate: string,
  ) {}

  async checkout(email: string): Promise<LegacyCheckoutResponse> {
    const secret = this.config.api.customerIdSecret;
    if (!secret)
      throw new ServiceUnavailableException('the legacy route needs CUSTOMER_ID_SECRET to derive customer ids');
    const checkoutId = `legacy-${randomUUID()}`;
    await this.checkouts.startRecovery(
      legacyRecoveryInput(
        checkoutId,
        email,
        secret,
        this.checkoutUrlTemplate,
        this.config.schedule,
        this.config.policy,
      ),
    );
    return { msg: 'checkout recorded', order_id: checkoutId };
  }

  async order(checkoutId: string): Promise<LegacyMessageResponse> {
    const { note } = await this.orders.record(checkoutId, checkoutId);
    return { msg: note ? `order recorded; ${note}` : 'order recorded' };
  }
}
