Object.defineProperty(exports, '__esModule', { value: true });
exports.reminderRoutes = reminderRoutes;
// A reminder's routes: the step's channels in order, each with what may rule it out — no sender,
// no address, the channel's own refusal, the customer's consent, the SMS rules, the phone cap.
const node_crypto_1 = require('node:crypto');
const duration_1 = require('../../common/duration');
const send_ledger_1 = require('../../storage/send-ledger');
const links_1 = require('../links');
const reason_note_1 = require('../templates/reason-note');
const delivery_1 = require('./delivery');
const ADDRESS_NAMES = {
  email: 'email address',
  sms: 'phone number',
  push: 'push subscription',
};
function reminderRoutes(deps, senders, input, consent) {
  const { checkout, step, stepsTotal, template, abandonReason, progress } = input;
  const content = () => {
    // After a failed payment the resume link reopens payment with the saved method.
    const target = (0, reason_note_1.resumeTarget)(checkout.checkoutUrl, abandonReason, progress);
    const links = (0, links_1.reminderLinks)(deps.links, { ...checkout, checkoutUrl: target }, step);
    const note = (0, reason_note_1.reasonNote)(checkout, abandonReason, progress, input.offer);
    return { checkout, step, stepsTotal, template, links, note, ...(input.offer && { offer: input.offer }) };
  };
  const allowed = async (channel) => {
    const channels = (await consent())?.channels;
    return !channels || channels.includes(channel);
  };
  const channels = input.channels && input.channels.length > 0 ? input.channels : [input.channel];
  return channels.map((channel) => {
    const sender = senders.get(channel);
    return {
      channel,
      skip: async () => {
        if (!sender) return `no ${channel} sender configured`;
        if (!sender.addressOf(checkout.customer)) return `the customer has no ${ADDRESS_NAMES[channel]}`;
        const refused = sender.refuses?.(checkout.customer);
        if (refused) return refused;
        if (!(await allowed(channel))) return `${delivery_1.CONSENT_REFUSAL} ${channel}`;
        if (channel === 'sms' && input.smsRules) {
          const forbidden = await smsRulesForbid(deps, checkout, input.smsRules, input);
          if (forbidden) return forbidden;
        }
        // Last: it reserves one of the number's texts, given back if this route does not deliver.
        if (channel === 'sms') return phoneCapForbids(deps, input);
        return undefined;
      },
      prepare: () => sender.prepare(content()),
      ...(channel === 'sms' &&
        deps.smsPhoneCap && {
          release: () =>
            deps.ledger.releaseText(
              recipientKey(deps, input),
              (0, send_ledger_1.reminderKey)(checkout.checkoutId, input.step),
            ),
        }),
    };
  });
}
/** The ledger's key for a phone number: an HMAC, so the database holds no numbers. */
function recipientKey(deps, { checkout }) {
  const secret = deps.links.secrets[0] ?? '';
  return (0, node_crypto_1.createHmac)('sha256', secret)
    .update(`sms-recipient:${checkout.customer.phone ?? ''}`)
    .digest('base64url');
}
async function phoneCapForbids(deps, input) {
  const cap = deps.smsPhoneCap;
  if (!cap) return undefined;
  const key = (0, send_ledger_1.reminderKey)(input.checkout.checkoutId, input.step);
  const now = input.requestedAt ?? Date.now();
  const held = await deps.ledger.reserveText(recipientKey(deps, input), key, cap.maxTexts, cap.withinMs, now);
  if (held.reserved) return undefined;
  return `SMS phone cap: this number already got ${held.texts} text(s) within ${cap.spec.split('/')[1] ?? ''} (at most ${cap.maxTexts})`;
}
/** US-style SMS rules: at most so many texts per checkout, none after the window since abandonment. */
async function smsRulesForbid(deps, checkout, rules, { abandonedAt, requestedAt }) {
  const window = (0, duration_1.parseDuration)(rules.within);
  const now = requestedAt ?? Date.now();
  if (window.ok && abandonedAt !== undefined && now - abandonedAt > window.ms) {
    return `SMS rules: more than ${rules.within} since the checkout was abandoned`;
  }
  const texts = await deps.ledger.countSent(checkout.checkoutId, 'sms');
  if (texts >= rules.maxTexts) {
    return `SMS rules: ${texts} text(s) already sent for this checkout (at most ${rules.maxTexts})`;
  }
  return undefined;
}
//# sourceMappingURL=reminder-routes.js.map
