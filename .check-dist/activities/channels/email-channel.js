// Email through the SES mailer: the reminder templates, as raw MIME with List-Unsubscribe headers.
Object.defineProperty(exports, '__esModule', { value: true });
exports.emailChannel = emailChannel;
const mime_1 = require('../mime');
const templates_1 = require('../templates');
function emailChannel(mailer, from) {
  return {
    channel: 'email',
    addressOf: (customer) => customer.email || undefined,
    async prepare({ checkout, step, stepsTotal, template, links, note, offer }) {
      const raw = await (0, mime_1.buildMime)({
        from,
        to: checkout.customer,
        email: (0, templates_1.renderReminder)(template, { checkout, step, stepsTotal, ...links, note, offer }),
        headers: (0, mime_1.reminderHeaders)(links.unsubscribeUrl, checkout.checkoutId, step),
      });
      return () => mailer.send({ from, to: checkout.customer.email, raw });
    },
  };
}
//# sourceMappingURL=email-channel.js.map
