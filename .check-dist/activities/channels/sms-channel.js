Object.defineProperty(exports, '__esModule', { value: true });
exports.smsChannel = smsChannel;
// SMS: the reminder as one short text with the signed resume link, to the customer's phone, only
// in the countries the shop allows (SMS_ALLOWED_COUNTRIES): a text abroad costs and spams alike.
const sms_config_1 = require('../../config/sms-config');
const sms_1 = require('../templates/sms');
function smsChannel(sender, shopName, { allowedCallingCodes }) {
  return {
    channel: 'sms',
    addressOf: (customer) => customer.phone || undefined,
    refuses(customer) {
      const phone = customer.phone ?? '';
      if ((0, sms_config_1.callingCodeAllowed)(phone, allowedCallingCodes)) return undefined;
      return allowedCallingCodes.length === 0
        ? 'SMS: no country is allowed (SMS_ALLOWED_COUNTRIES is not set)'
        : `SMS: the number's country is not one texts may go to (SMS_ALLOWED_COUNTRIES: ${allowedCallingCodes.join(', ')})`;
    },
    async prepare({ checkout, template, links, offer }) {
      const phone = checkout.customer.phone;
      if (!phone) throw new Error('the customer has no phone number');
      const text = (0, sms_1.renderSms)({
        checkout,
        template,
        shopName,
        resumeUrl: links.resumeUrl,
        ...(offer && { offer }),
      });
      return () => sender.send(phone, text);
    },
  };
}
//# sourceMappingURL=sms-channel.js.map
