import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SHORT_LINK_ID } from '../../../activities/links';
import { isShopUrl } from '../../../common/shop-origin';
import type { AppConfig } from '../../../config/env';
import type { ShortLinks } from '../../../storage/short-links';
import { EventRecorder } from '../analytics/event-recorder';
import { APP_CONFIG } from '../app-config.token';
import type { HtmlPage } from '../http/html-page';
import { ApiMetrics } from '../metrics/api-metrics';
import { rejectedLinkPage, unknownShopPage } from './link-pages';
import { LinkVerifier } from './link-verifier';
import { SHORT_LINKS } from './short-links.token';

const isHttpUrl = (url: string) => /^https?:\/\//i.test(url);

/**
 * Verifies a resume link and answers with where to send the shopper: the checkout URL it was signed
 * with, so no Temporal call stands between a click and the shop.
 */
@Injectable()
export class ResumeService {
  constructor(
    private readonly links: LinkVerifier,
    private readonly metrics: ApiMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventRecorder,
    @Inject(SHORT_LINKS) private readonly shortLinks: ShortLinks | null,
  ) {}

  /**
   * A text's short link (`/r/<id>`) is the signed token kept under its id: looked up, then checked
   * exactly like a long link. An id nobody issued is an invalid link, like a made-up token.
   */
  async followAny(token: unknown, locale?: string): Promise<{ redirectTo: string } | HtmlPage> {
    if (typeof token === 'string' && SHORT_LINK_ID.test(token)) {
      const signed = await this.shortLinks?.tokenOf(token);
      return this.follow(signed ?? '', locale);
    }
    return this.follow(token, locale);
  }

  /** `locale` words the page shown when the link cannot be followed. */
  follow(token: unknown, locale?: string): { redirectTo: string } | HtmlPage {
    const verdict = this.links.verify(token, 'resume');
    if (!verdict.ok) {
      this.metrics.linkRejected('resume', verdict.reason);
      return rejectedLinkPage('cart', verdict.reason, locale);
    }
    const target = verdict.claims.target ?? '';
    // Signed by us from a validated URL; checked again because a redirect is an open door if wrong.
    if (!isHttpUrl(target)) {
      this.metrics.linkRejected('resume', 'malformed');
      return rejectedLinkPage('cart', 'malformed', locale);
    }
    // Links live for days: one signed before SHOP_ORIGINS dropped an origin must not still lead there.
    if (!isShopUrl(target, this.config.api.shopOrigins)) {
      this.metrics.linkRejected('resume', 'foreign-origin');
      return unknownShopPage(locale);
    }
    this.metrics.resumeClicked(verdict.claims.step);
    // Not awaited: nothing stands between a click and the shop; a click the analytics miss is logged.
    void this.recordClick(verdict.claims.checkoutId, verdict.claims.customerId, verdict.claims.step);
    return { redirectTo: target };
  }

  private async recordClick(checkoutId: string, customerId: string, step: number): Promise<void> {
    const channel = await this.events.available?.sentChannel(checkoutId, step).catch(() => undefined);
    await this.events.recordBestEffort([
      {
        id: `${checkoutId}:click:${step}:${randomUUID()}`,
        checkoutId,
        customerId,
        at: new Date().toISOString(),
        type: 'link_clicked',
        step,
        ...(channel && { channel }),
      },
    ]);
  }
}
