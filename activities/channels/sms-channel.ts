// SMS: the reminder as one short text with the signed resume link, to the customer's phone, only
// in the countries the shop allows (SMS_ALLOWED_COUNTRIES): a text abroad costs and spams alike.
import { callingCodeAllowed } from '../../config/sms-config';
import { renderSms } from '../templates/sms';
import type { ChannelSender } from './channel-sender';
import type { SmsSender } from './sns-sms-sender';

export interface SmsChannelOptions {
  /** E.164 calling codes ("+49", "+1") texts may go to; empty: none. */
  allowedCallingCodes: readonly string[];
}

export function smsChannel(
  sender: Pick<SmsSender, 'send'>,
  shopName: string,
  { allowedCallingCodes }: SmsChannelOptions,
): ChannelSender {
  return {
    channel: 'sms',
    addressOf: (customer) => customer.phone || undefined,
    refuses(customer) {
      const phone = customer.phone ?? '';
      if (callingCodeAllowed(phone, allowedCallingCodes)) return undefined;
      return allowedCallingCodes.length === 0
        ? 'SMS: no country is allowed (SMS_ALLOWED_COUNTRIES is not set)'
        : `SMS: the number's country is not one texts may go to (SMS_ALLOWED_COUNTRIES: ${allowedCallingCodes.join(', ')})`;
    },
    async prepare({ checkout, template, links, offer, shortResumeUrl }) {
      const phone = checkout.customer.phone;
      if (!phone) throw new Error('the customer has no phone number');
      // The short /r/<id> link keeps a text within one segment; the long signed one is ~200 characters.
      const resumeUrl = shortResumeUrl ? await shortResumeUrl() : links.resumeUrl;
      const text = renderSms({ checkout, template, shopName, resumeUrl, ...(offer && { offer }) });
      return () => sender.send(phone, text);
    },
  };
}
