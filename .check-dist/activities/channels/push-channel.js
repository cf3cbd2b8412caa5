Object.defineProperty(exports, '__esModule', { value: true });
exports.pushNotification = pushNotification;
exports.webPushChannel = webPushChannel;
const sms_1 = require('../templates/sms');
function pushNotification(shopName, template, resumeUrl, offer) {
  return {
    title: template === 'last-chance' ? `${shopName}: last reminder` : `${shopName}: your cart is saved`,
    body: offer ? `${offer}. Pick up right where you left off.` : 'Pick up right where you left off.',
    url: resumeUrl,
  };
}
function webPushChannel(pusher, shopName) {
  return {
    channel: 'push',
    addressOf: (customer) => customer.pushSubscription?.endpoint,
    async prepare({ checkout, template, links, offer }) {
      const subscription = checkout.customer.pushSubscription;
      if (!subscription) throw new Error('the customer has no push subscription');
      const line = offer ? (0, sms_1.offerLine)(checkout, offer) : undefined;
      const notification = pushNotification(shopName, template, links.resumeUrl, line);
      return () => pusher.send(subscription, notification);
    },
  };
}
//# sourceMappingURL=push-channel.js.map
