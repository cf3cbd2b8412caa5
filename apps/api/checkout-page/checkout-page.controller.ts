import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { CustomerVault } from '../../../checkout/customer-vault';
import type { OrderOutcome } from '../../../common/order-placement';
import { Public } from '../http/api-key.decorators';
import { type HtmlPage, type HtmlResponse, htmlPage, sendPage } from '../http/html-page';
import { rejectedLinkPage } from '../links/link-pages';
import { LinkVerifier } from '../links/link-verifier';
import { PlaceOrderService } from '../place-order/place-order.service';
import { CUSTOMER_VAULT } from '../vault/vault.token';
import { checkoutPage, confirmationPage } from './checkout-page.html';

type Claims = { checkoutId: string; customerId: string };

/**
 * The page a reminder's resume link opens when CHECKOUT_PAGE is on: the cart, the saved address
 * and payment method, one "Place order" button (a plain form POST, then back here: the page shows
 * the confirmation, or what went wrong with the method preselected). The signed token is the credential.
 */
@ApiExcludeController()
@Public()
@Controller('c')
export class CheckoutPageController {
  constructor(
    private readonly links: LinkVerifier,
    private readonly orders: PlaceOrderService,
    @Inject(CUSTOMER_VAULT) private readonly vault: CustomerVault | null,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() res: HtmlResponse): Promise<void> {
    const claims = this.verify(token);
    if ('html' in claims) return sendPage(res, claims);
    sendPage(res, await this.view(claims));
  }

  @Post(':token')
  async place(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: HtmlResponse,
  ): Promise<void> {
    const claims = this.verify(token);
    if ('html' in claims) return sendPage(res, claims);
    const addressId = typeof body?.addressId === 'string' ? body.addressId : '';
    const paymentMethodId = typeof body?.paymentMethodId === 'string' ? body.paymentMethodId : '';
    try {
      await this.orders.place(claims.checkoutId, addressId, paymentMethodId);
    } catch {
      // Shown on the page we go back to (the outcome, or the form again).
    }
    // Post/redirect/get: a reload does not post twice (and a double post lands on the same order anyway).
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, `/c/${encodeURIComponent(token)}`);
  }

  private verify(token: string): Claims | HtmlPage {
    const verdict = this.links.verify(token, 'resume');
    if (!verdict.ok) return rejectedLinkPage('cart', verdict.reason);
    return { checkoutId: verdict.claims.checkoutId, customerId: verdict.claims.customerId };
  }

  private async view({ checkoutId, customerId }: Claims): Promise<HtmlPage> {
    const checkout = await this.orders.checkout(checkoutId).catch(() => undefined);
    if (!checkout || checkout.customer.id !== customerId || !this.vault)
      return htmlPage(
        404,
        'This checkout is not available',
        '<p>Please return to the shop to complete your order.</p>',
      );
    const last = await this.orders.outcome(checkoutId).catch(() => undefined);
    if (last?.status === 'placed') return confirmationPage(checkout, last);
    const [addresses, methods] = await Promise.all([
      this.vault.addresses(customerId),
      this.vault.paymentMethods(customerId),
    ]);
    return checkoutPage({
      checkout,
      addresses,
      methods,
      last: last as OrderOutcome | { status: 'pending' } | undefined,
    });
  }
}
