import { Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { ID_PATTERN } from '../../../common/validate-checkout';
import { CheckoutsService } from '../checkouts/checkouts.service';
import { confirmPage, donePage, errorPage, type HtmlPage, invalidLinkPage, unknownPage } from './unsubscribe-pages';

const validId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);

/**
 * One-click unsubscribe for the links in reminders. Shoppers see HTML, never JSON or a stack trace.
 * The links are not signed yet: anyone who knows a checkout id can stop its reminders.
 */
@Injectable()
export class UnsubscribeService {
  private readonly logger = new Logger('Unsubscribe');

  constructor(private readonly checkouts: CheckoutsService) {}

  confirmation(checkoutId: unknown): HtmlPage {
    return validId(checkoutId) ? confirmPage(checkoutId) : invalidLinkPage();
  }

  async unsubscribe(checkoutId: unknown): Promise<HtmlPage> {
    if (!validId(checkoutId)) return invalidLinkPage();
    try {
      // A checkout that has already closed sends nothing more either: the same answer fits.
      await this.checkouts.stopReminders(checkoutId);
      return donePage();
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return unknownPage();
      this.logger.error(`unsubscribe from checkout ${checkoutId} failed`, err instanceof Error ? err.stack : err);
      return errorPage();
    }
  }
}
