Object.defineProperty(exports, '__esModule', { value: true });
exports.firstArgument = firstArgument;
exports.keptSignalMessages = keptSignalMessages;
const messages_1 = require('../../common/messages');
const eventTimeMs = (event) =>
  Number(event.eventTime?.seconds ?? 0) * 1000 + Math.floor((event.eventTime?.nanos ?? 0) / 1e6);
/** The first of a list of payloads (a signal's or a start's arguments), through the converter's codecs (last applied, first undone). */
async function firstArgument(converter, payloads) {
  let decoded = payloads;
  for (const codec of [...converter.payloadCodecs].reverse()) decoded = await codec.decode(decoded);
  const [first] = decoded;
  return first ? converter.payloadConverter.fromPayload(first) : undefined;
}
/** Signal names → how each becomes a message, given its argument and arrival time. */
const TRANSLATIONS = {
  [messages_1.orderedSignal.name]: (a, receivedAt) => ({ type: 'ordered', ...a, receivedAt }),
  [messages_1.activitySignal.name]: (a, receivedAt) => ({ type: 'activity', at: a?.at, receivedAt }),
  [messages_1.checkoutEventsSignal.name]: (a, receivedAt) => ({
    type: 'checkoutEvents',
    events: a?.events,
    receivedAt,
  }),
  [messages_1.supersededSignal.name]: (a) => ({ type: 'superseded', by: a?.by }),
  [messages_1.preferencesSignal.name]: (a) => ({ type: 'preferences', preferences: a?.preferences }),
};
/**
 * The kept signals as messages, in history order. `only`: the signal names worth decoding (the
 * others are skipped unread, e.g. when only an order or a supersede matters).
 */
async function keptSignalMessages(events, converter, only) {
  const messages = [];
  for (const event of events) {
    const signal = event.workflowExecutionSignaledEventAttributes;
    const name = signal?.signalName ?? '';
    const translate = TRANSLATIONS[name];
    if (!signal || !translate || (only && !only.includes(name))) continue;
    const arg = await firstArgument(converter, signal.input?.payloads ?? []);
    messages.push(translate(arg, eventTimeMs(event)));
  }
  return messages;
}
//# sourceMappingURL=kept-signals.js.map
