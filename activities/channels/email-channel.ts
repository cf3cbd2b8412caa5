// Email through the SES mailer: the reminder templates, as raw MIME with List-Unsubscribe headers.

import type { BrandConfig } from '../../config/brand';
import { buildMime, reminderHeaders } from '../mime';
import type { Mailer } from '../ses-mailer';
import { renderReminder } from '../templates';
import type { ChannelSender } from './channel-sender';

/** `brand.sender` is the From; its logo and colours are the layout's. */
export function emailChannel(mailer: Mailer, brand: BrandConfig): ChannelSender {
  const from = brand.sender;
  return {
    channel: 'email',
    addressOf: (customer) => customer.email || undefined,
    async prepare({ checkout, step, stepsTotal, template, links, note, offer }) {
      const raw = await buildMime({
        from,
        to: checkout.customer,
        email: await renderReminder(template, { checkout, step, stepsTotal, ...links, note, offer, brand }),
        headers: reminderHeaders(links.unsubscribeUrl, checkout.checkoutId, step),
      });
      return () => mailer.send({ from, to: checkout.customer.email, raw });
    },
  };
}
