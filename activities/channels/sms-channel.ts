// SMS: the reminder as one short text with the signed resume link, to the customer's phone.
import { renderSms } from '../templates/sms';
import type { ChannelSender } from './channel-sender';
import type { SmsSender } from './sns-sms-sender';

export function smsChannel(sender: Pick<SmsSender, 'send'>, shopName: string): ChannelSender {
  return {
    channel: 'sms',
    addressOf: (customer) => customer.phone || undefined,
    async prepare({ checkout, template, links, offer }) {
      const phone = checkout.customer.phone;
      if (!phone) throw new Error('the customer has no phone number');
      const text = renderSms({ checkout, template, shopName, resumeUrl: links.resumeUrl, ...(offer && { offer }) });
      return () => sender.send(phone, text);
    },
  };
}
