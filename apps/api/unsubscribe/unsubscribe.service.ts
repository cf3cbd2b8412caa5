import { Injectable, Logger } from '@nestjs/common';
import { workflowIdFor } from '../../../common/messages';
import type { LinkVerdict } from '../../shared/link-token';
import { EventRecorder } from '../analytics/event-recorder';
import { PreferencesService } from '../customers/preferences.service';
import type { HtmlPage } from '../http/html-page';
import { rejectedLinkPage } from '../links/link-pages';
import { LinkVerifier } from '../links/link-verifier';
import { ApiMetrics } from '../metrics/api-metrics';
import { confirmPage, donePage, errorPage } from './unsubscribe-pages';

/**
 * Unsubscribe through the signed links in reminders: only the holder of a genuine, unexpired link
 * can opt its customer out. The opt-out is stored (every later checkout and every send honour it)
 * and the customer's running checkouts stop at once. Shoppers see HTML, never JSON or a stack trace.
 */
@Injectable()
export class UnsubscribeService {
  private readonly logger = new Logger('Unsubscribe');

  constructor(
    private readonly preferences: PreferencesService,
    private readonly links: LinkVerifier,
    private readonly metrics: ApiMetrics,
    private readonly events: EventRecorder,
  ) {}

  /** `locale` is the page's language (the browser's Accept-Language). */
  confirmation(token: unknown, locale?: string): HtmlPage {
    const verdict = this.verify(token);
    return verdict.ok ? confirmPage(token as string, locale) : rejectedLinkPage('unsubscribe', verdict.reason, locale);
  }

  async unsubscribe(token: unknown, locale?: string): Promise<HtmlPage> {
    const verdict = this.verify(token);
    if (!verdict.ok) return rejectedLinkPage('unsubscribe', verdict.reason, locale);
    const { checkoutId, customerId } = verdict.claims;
    try {
      // The checkout in the link is told directly too: visibility may not list it yet.
      const { checkoutsUpdated = 0 } = await this.preferences.optOut(customerId, 'link', workflowIdFor(checkoutId));
      this.metrics.unsubscribed(checkoutsUpdated > 0 ? 'stopped' : 'none_running');
      // The opt-out is stored; the analytics' record of it must not undo the shopper's answer.
      await this.events.recordBestEffort([
        {
          id: `${checkoutId}:unsubscribed`,
          checkoutId,
          customerId,
          at: new Date().toISOString(),
          type: 'unsubscribed',
          source: 'link',
        },
      ]);
    } catch (err) {
      this.logger.error(`unsubscribe of customer ${customerId} failed`, err instanceof Error ? err.stack : err);
      return errorPage(locale);
    }
    return donePage(locale);
  }

  private verify(token: unknown): LinkVerdict {
    const verdict = this.links.verify(token, 'unsubscribe');
    if (!verdict.ok) this.metrics.linkRejected('unsubscribe', verdict.reason);
    return verdict;
  }
}
