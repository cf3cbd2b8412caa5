// Web push: a title, a line and the signed resume link, to the customer's browser subscription.
// `pusher` is any sender of that shape, e.g. activities/channels/web-push-sender.ts:
//   webPushChannel(createWebPushSender({ vapid }))
import type { PushSubscriptionJSON } from '../../common/push-subscription';
import { translatorFor } from '../templates/i18n/translator';
import { offerLine } from '../templates/sms';
import type { ChannelSender } from './channel-sender';

export interface PushNotification {
  title: string;
  body: string;
  /** Opened when the notification is clicked: the signed resume link. */
  url: string;
}

export interface PushSender {
  /** Throws a non-retryable PERMANENT_SEND_FAILURE for a subscription that is gone (404/410). */
  send(subscription: PushSubscriptionJSON, notification: PushNotification): Promise<{ messageId: string }>;
}

/** The notification in the shopper's language; `offer` is the offer line (sms.ts offerLine). */
export function pushNotification(
  shopName: string,
  template: string,
  resumeUrl: string,
  offer?: string,
  locale?: string,
): PushNotification {
  const tr = translatorFor(locale);
  return {
    title: tr.t(template === 'last-chance' ? 'push.titleLast' : 'push.title', { shop: shopName }),
    body: offer ? tr.t('push.bodyOffer', { offer: offer.replace(/\.$/, '') }) : tr.t('push.body'),
    url: resumeUrl,
  };
}

export function webPushChannel(pusher: PushSender, shopName: string): ChannelSender {
  return {
    channel: 'push',
    addressOf: (customer) => customer.pushSubscription?.endpoint,
    async prepare({ checkout, template, links, offer }) {
      const subscription = checkout.customer.pushSubscription;
      if (!subscription) throw new Error('the customer has no push subscription');
      const line = offer ? offerLine(checkout, offer) : undefined;
      const notification = pushNotification(shopName, template, links.resumeUrl, line, checkout.customer.locale);
      return () => pusher.send(subscription, notification);
    },
  };
}
