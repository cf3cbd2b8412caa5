// A reminder's routes: the step's channels in order, each with what may rule it out — no sender,
// no address, the channel's own refusal, the customer's consent, the SMS rules, the phone cap.
import { createHmac } from 'node:crypto';
import type { Channel, Checkout, SmsRules } from '../../common/checkout';
import { parseDuration } from '../../common/duration';
import { reminderKey } from '../../storage/send-ledger';
import type { ChannelSender, ReminderContent } from '../channels/channel-sender';
import type { CustomerConsent, SendReminderInput } from '../contract';
import type { ActivityDependencies } from '../dependencies';
import { reminderLinks, shortResumeUrl } from '../links';
import { reasonNote, resumeTarget } from '../templates/reason-note';
import { CONSENT_REFUSAL, type Route } from './delivery';

const ADDRESS_NAMES: Record<Channel, string> = {
  email: 'email address',
  sms: 'phone number',
  push: 'push subscription',
};

export function reminderRoutes(
  deps: ActivityDependencies,
  senders: ReadonlyMap<Channel, ChannelSender>,
  input: SendReminderInput,
  consent: () => Promise<CustomerConsent | undefined>,
): Route[] {
  const { checkout, step, stepsTotal, template, abandonReason, progress } = input;
  const content = (): ReminderContent => {
    // After a failed payment the resume link reopens payment with the saved method.
    const target = resumeTarget(checkout.checkoutUrl, abandonReason, progress);
    const links = reminderLinks(deps.links, { ...checkout, checkoutUrl: target }, step);
    const note = reasonNote(checkout, abandonReason, progress, input.offer);
    const shortLinks = deps.shortLinks;
    return {
      checkout,
      step,
      stepsTotal,
      template,
      links,
      note,
      ...(input.offer && { offer: input.offer }),
      ...(shortLinks && {
        shortResumeUrl: () => shortResumeUrl(deps.links, shortLinks, checkout, step, links.resumeUrl),
      }),
    };
  };
  const allowed = async (channel: Channel) => {
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
        if (!(await allowed(channel))) return `${CONSENT_REFUSAL} ${channel}`;
        if (channel === 'sms' && input.smsRules) {
          const forbidden = await smsRulesForbid(deps, checkout, input.smsRules, input);
          if (forbidden) return forbidden;
        }
        // Last: it reserves one of the number's texts, given back if this route does not deliver.
        if (channel === 'sms') return phoneCapForbids(deps, input);
        return undefined;
      },
      prepare: () => (sender as ChannelSender).prepare(content()),
      ...(channel === 'sms' &&
        deps.smsPhoneCap && {
          release: () =>
            deps.ledger.releaseText(recipientKey(deps, input), reminderKey(checkout.checkoutId, input.step)),
        }),
    };
  });
}

/** The ledger's key for a phone number: an HMAC, so the database holds no numbers. */
function recipientKey(deps: ActivityDependencies, { checkout }: SendReminderInput): string {
  const secret = deps.links.secrets[0] ?? '';
  return createHmac('sha256', secret)
    .update(`sms-recipient:${checkout.customer.phone ?? ''}`)
    .digest('base64url');
}

async function phoneCapForbids(deps: ActivityDependencies, input: SendReminderInput): Promise<string | undefined> {
  const cap = deps.smsPhoneCap;
  if (!cap) return undefined;
  const key = reminderKey(input.checkout.checkoutId, input.step);
  const now = input.requestedAt ?? Date.now();
  const held = await deps.ledger.reserveText(recipientKey(deps, input), key, cap.maxTexts, cap.withinMs, now);
  if (held.reserved) return undefined;
  return `SMS phone cap: this number already got ${held.texts} text(s) within ${cap.spec.split('/')[1] ?? ''} (at most ${cap.maxTexts})`;
}

/** US-style SMS rules: at most so many texts per checkout, none after the window since abandonment. */
async function smsRulesForbid(
  deps: ActivityDependencies,
  checkout: Checkout,
  rules: SmsRules,
  { abandonedAt, requestedAt }: SendReminderInput,
): Promise<string | undefined> {
  const window = parseDuration(rules.within);
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
