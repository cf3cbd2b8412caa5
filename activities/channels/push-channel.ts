// Web push: a title, a line and the signed resume link, to the customer's browser subscription.
// `pusher` is any sender of that shape, e.g. activities/channels/web-push-sender.ts:
//   webPushChannel(createWebPushSender({ vapid }))
import type { PushSubscriptionJSON } from '../../common/push-subscription';
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

export function pushNotification(
  shopName: string,
  template: string,
  resumeUrl: string,
  offer?: string,
): PushNotification {
  return {
    title: template === 'last-chance' ? `${shopName}: last reminder` : `${shopName}: your cart is saved`,
    body: offer ? `${offer}. Pick up right where you left off.` : 'Pick up right where you left off.',
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
      const notification = pushNotification(shopName, template, links.resumeUrl, line);
      return () => pusher.send(subscription, notification);
    },
  };
}
