import { Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { CheckoutsService } from '../checkouts/checkouts.service';
import type { HtmlPage } from '../http/html-page';
import { rejectedLinkPage } from '../links/link-pages';
import { LinkVerifier } from '../links/link-verifier';
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
  ) {}

  confirmation(token: unknown): HtmlPage {
    const verdict = this.links.verify(token, 'unsubscribe');
    return verdict.ok ? confirmPage(token as string) : rejectedLinkPage('unsubscribe', verdict.reason);
  }

  async unsubscribe(token: unknown): Promise<HtmlPage> {
    const verdict = this.links.verify(token, 'unsubscribe');
    if (!verdict.ok) return rejectedLinkPage('unsubscribe', verdict.reason);
    const { checkoutId } = verdict.claims;
    try {
      // A checkout that has already closed sends nothing more either: the same answer fits.
      await this.checkouts.stopReminders(checkoutId);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) {
        this.logger.error(`unsubscribe from checkout ${checkoutId} failed`, err instanceof Error ? err.stack : err);
        return errorPage();
      }
      // We signed this link, so the checkout existed: its history is past retention, long over.
      this.logger.log(`unsubscribe from checkout ${checkoutId}: no workflow any more, nothing to stop`);
    }
    return donePage();
  }
}
