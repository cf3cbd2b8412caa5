import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { AddressProvider } from '../../../checkout/address-provider';
import type { CustomerVault } from '../../../checkout/customer-vault';
import type { OrderOutcome } from '../../../common/order-placement';
import { ID_PATTERN } from '../../../common/validate-checkout';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { Public } from '../http/api-key.decorators';
import { type HtmlPage, type HtmlResponse, htmlPage, sendPage } from '../http/html-page';
import { rejectedLinkPage } from '../links/link-pages';
import { LinkVerifier } from '../links/link-verifier';
import { PlaceOrderService } from '../place-order/place-order.service';
import { ADDRESS_PROVIDER } from '../vault/autocomplete.controller';
import { CUSTOMER_VAULT } from '../vault/vault.token';
import {
  authenticationPage,
  checkoutPage,
  confirmationPage,
  NEW_ADDRESS,
  NEW_ADDRESS_FIELDS,
  pendingRefresh,
} from './checkout-page.html';
import { CHECKOUT_PAGE_SCRIPTS } from './checkout-page.scripts';

type Claims = { checkoutId: string; customerId: string };
type JsonResponse = {
  status(code: number): JsonResponse;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
};

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ADDRESS_PROVIDER) private readonly addressProvider: AddressProvider,
  ) {}

  /**
   * Suggestions for the page's new-address field (the script's combobox): the AddressProvider with
   * this shopper's saved addresses first. The signed token stands in for the API key.
   */
  @Get(':token/addresses')
  async suggest(
    @Param('token') token: string,
    @Query() query: Record<string, unknown>,
    @Res() res: JsonResponse,
  ): Promise<void> {
    const claims = this.verify(token);
    if ('html' in claims) {
      res.status(claims.status).json({ message: 'this link is not valid' });
      return;
    }
    const q = typeof query.q === 'string' ? query.q : '';
    const country = typeof query.country === 'string' ? query.country : '';
    const session = typeof query.session === 'string' ? query.session : '';
    const errors = [
      ...(/\S/.test(q) && q.length <= 100 ? [] : [{ field: 'q', reason: 'must be 1-100 characters, not blank' }]),
      ...(/^[A-Z]{2}$/.test(country) ? [] : [{ field: 'country', reason: 'must be an ISO 3166-1 alpha-2 code' }]),
      ...(ID_PATTERN.test(session) ? [] : [{ field: 'session', reason: 'must be an id' }]),
    ];
    if (errors.length > 0) {
      res.status(400).json({ statusCode: 400, message: 'invalid query', errors });
      return;
    }
    const suggestions = await this.addressProvider.suggest({ q, country, session, customerId: claims.customerId });
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).json(suggestions);
  }

  /** The page's own scripts (CSP script-src 'self'); each enhances a form that works without it. */
  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() res: HtmlResponse): void {
    const script = CHECKOUT_PAGE_SCRIPTS.get(name);
    if (script === undefined) {
      res.status(404).type('text/plain').send('not found');
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.status(200).type('application/javascript').send(script);
  }

  @Get(':token')
  async show(@Param('token') token: string, @Query('wait') wait: unknown, @Res() res: HtmlResponse): Promise<void> {
    const claims = this.verify(token);
    if ('html' in claims) return sendPage(res, claims);
    sendPage(res, await this.view(claims, token, undefined, typeof wait === 'string' ? Number(wait) : 0));
  }

  /** Back from the bank's 3-D Secure step (or the button without JavaScript): the saga reads the payment again. */
  @Post(':token/authenticated')
  async authenticated(@Param('token') token: string, @Res() res: HtmlResponse): Promise<void> {
    const claims = this.verify(token);
    if ('html' in claims) return sendPage(res, claims);
    try {
      await this.orders.authenticated(claims.checkoutId);
    } catch {
      // Shown on the page we go back to (the outcome as it stands).
    }
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, `/c/${encodeURIComponent(token)}`);
  }

  @Post(':token')
  async place(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: HtmlResponse,
  ): Promise<void> {
    const claims = this.verify(token);
    if ('html' in claims) return sendPage(res, claims);
    let addressId = typeof body?.addressId === 'string' ? body.addressId : '';
    const paymentMethodId = typeof body?.paymentMethodId === 'string' ? body.paymentMethodId : '';
    if (addressId === NEW_ADDRESS && this.vault) {
      // A new address is saved first (checked against its country's rules), then ordered to.
      const typed: Record<string, string> = {};
      for (const [name] of NEW_ADDRESS_FIELDS) {
        const value = body?.[name];
        if (typeof value === 'string' && value.trim() !== '') typed[name] = value.trim().slice(0, 200);
      }
      const saved = await this.vault.addAddress(claims.customerId, typed);
      if (!saved.ok) {
        const message =
          'errors' in saved
            ? `Please check the new address: ${saved.errors.map((e) => `${labelOf(e.field)} ${e.reason}`).join('; ')}.`
            : 'The new address could not be saved; please try again.';
        return sendPage(res, await this.view(claims, token, { message, typed }));
      }
      addressId = saved.value.id;
    }
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

  private async view(
    { checkoutId, customerId }: Claims,
    token: string,
    addressError?: { message: string; typed: Record<string, string> },
    reloads = 0,
  ): Promise<HtmlPage> {
    const checkout = await this.orders.checkout(checkoutId).catch(() => undefined);
    if (!checkout || checkout.customer.id !== customerId || !this.vault)
      return htmlPage(
        404,
        'This checkout is not available',
        '<p>Please return to the shop to complete your order.</p>',
      );
    const last = await this.orders.outcome(checkoutId).catch(() => undefined);
    if (last?.status === 'placed') return confirmationPage(checkout, last);
    if (last?.status === 'requires_action' && last.ref)
      return authenticationPage({
        checkout,
        outcome: last,
        nextAction: await this.orders.nextAction(last),
        stripeJs: this.config.checkout.stripeJs,
        returnAction: `/c/${encodeURIComponent(token)}/authenticated`,
      });
    const [addresses, methods] = await Promise.all([
      this.vault.addresses(customerId),
      this.vault.paymentMethods(customerId),
    ]);
    return checkoutPage({
      checkout,
      addresses,
      methods,
      last: addressError ? undefined : (last as OrderOutcome | { status: 'pending' } | undefined),
      suggestUrl: `/c/${encodeURIComponent(token)}/addresses`,
      pendingRefresh: pendingRefresh(`/c/${encodeURIComponent(token)}`, reloads),
      session: `s-${randomUUID()}`,
      ...(addressError && { addressError }),
    });
  }
}

/** The page's label of an address field, as the shopper reads it (the rules name fields by key). */
function labelOf(field: string): string {
  return NEW_ADDRESS_FIELDS.find(([name]) => name === field)?.[1] ?? field;
}
