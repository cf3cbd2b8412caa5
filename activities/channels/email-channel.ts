// Email through the SES mailer: the reminder templates, as raw MIME with List-Unsubscribe headers.

import { buildMime, reminderHeaders } from '../mime';
import type { Mailer } from '../ses-mailer';
import { renderReminder } from '../templates';
import type { ChannelSender } from './channel-sender';

export function emailChannel(mailer: Mailer, from: string): ChannelSender {
  return {
    channel: 'email',
    addressOf: (customer) => customer.email || undefined,
    async prepare({ checkout, step, stepsTotal, template, links, note, offer }) {
      const raw = await buildMime({
        from,
        to: checkout.customer,
        email: renderReminder(template, { checkout, step, stepsTotal, ...links, note, offer }),
        headers: reminderHeaders(links.unsubscribeUrl, checkout.checkoutId, step),
      });
      return () => mailer.send({ from, to: checkout.customer.email, raw });
    },
  };
}
