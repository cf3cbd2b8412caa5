import { Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { LinkVerdict } from '../../../common/link-token';
import { isFinished } from '../checkouts/checkout-state';
import { CheckoutsService } from '../checkouts/checkouts.service';
import type { HtmlPage } from '../http/html-page';
import { rejectedLinkPage } from '../links/link-pages';
import { LinkVerifier } from '../links/link-verifier';
import { ApiMetrics } from '../metrics/api-metrics';
import { confirmPage, donePage, errorPage } from './unsubscribe-pages';

/**
 * Unsubscribe through the signed links in reminders: only the holder of a genuine, unexpired link
 * can stop a checkout's reminders. Shoppers see HTML, never JSON or a stack trace.
 */
@Injectable()
export class UnsubscribeService {
  private readonly logger = new Logger('Unsubscribe');

  constructor(
    private readonly checkouts: CheckoutsService,
    private readonly links: LinkVerifier,
    private readonly metrics: ApiMetrics,
  ) {}

  confirmation(token: unknown): HtmlPage {
    const verdict = this.verify(token);
    return verdict.ok ? confirmPage(token as string) : rejectedLinkPage('unsubscribe', verdict.reason);
  }

  async unsubscribe(token: unknown): Promise<HtmlPage> {
    const verdict = this.verify(token);
    if (!verdict.ok) return rejectedLinkPage('unsubscribe', verdict.reason);
    const { checkoutId } = verdict.claims;
    try {
      // A checkout that has already closed sends nothing more either: the same answer fits.
      const state = await this.checkouts.stopReminders(checkoutId);
      this.metrics.unsubscribed(isFinished(state) ? 'already_closed' : 'cancelled');
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) {
        this.logger.error(`unsubscribe from checkout ${checkoutId} failed`, err instanceof Error ? err.stack : err);
        return errorPage();
      }
      // We signed this link, so the checkout existed: its history is past retention, long over.
      this.logger.log(`unsubscribe from checkout ${checkoutId}: no workflow any more, nothing to stop`);
      this.metrics.unsubscribed('gone');
    }
    return donePage();
  }

  private verify(token: unknown): LinkVerdict {
    const verdict = this.links.verify(token, 'unsubscribe');
    if (!verdict.ok) this.metrics.linkRejected('unsubscribe', verdict.reason);
    return verdict;
  }
}
