// The signals a checkout's history keeps, decoded into the state machine's messages
// (common/checkout-machine.ts), so code outside the workflow interprets them exactly as its
// handlers do. Decoding goes through the client's own data converter (codecs, then converter).
import type { LoadedDataConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { CheckoutMessage } from '../../common/checkout-machine';
import {
  type ActivitySignal,
  activitySignal,
  type CheckoutEventsSignal,
  checkoutEventsSignal,
  type OrderedSignal,
  orderedSignal,
  type PreferencesSignal,
  preferencesSignal,
  type SupersededSignal,
  supersededSignal,
} from '../../common/messages';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const eventTimeMs = (event: HistoryEvent) =>
  Number(event.eventTime?.seconds ?? 0) * 1000 + Math.floor((event.eventTime?.nanos ?? 0) / 1e6);

/** The first of a list of payloads (a signal's or a start's arguments), through the converter's codecs (last applied, first undone). */
export async function firstArgument<T>(
  converter: LoadedDataConverter,
  payloads: temporal.api.common.v1.IPayload[],
): Promise<T> {
  let decoded = payloads;
  for (const codec of [...converter.payloadCodecs].reverse()) decoded = await codec.decode(decoded);
  const [first] = decoded;
  return (first ? converter.payloadConverter.fromPayload(first) : undefined) as T;
}

/** Signal names → how each becomes a message, given its argument and arrival time. */
const TRANSLATIONS: Record<string, (arg: never, receivedAt: number) => CheckoutMessage> = {
  [orderedSignal.name]: (a: OrderedSignal, receivedAt) => ({ type: 'ordered', ...a, receivedAt }),
  [activitySignal.name]: (a: ActivitySignal, receivedAt) => ({ type: 'activity', at: a?.at, receivedAt }),
  [checkoutEventsSignal.name]: (a: CheckoutEventsSignal, receivedAt) => ({
    type: 'checkoutEvents',
    events: a?.events,
    receivedAt,
  }),
  [supersededSignal.name]: (a: SupersededSignal) => ({ type: 'superseded', by: a?.by }),
  [preferencesSignal.name]: (a: PreferencesSignal) => ({ type: 'preferences', preferences: a?.preferences }),
};

/**
 * The kept signals as messages, in history order. `only`: the signal names worth decoding (the
 * others are skipped unread, e.g. when only an order or a supersede matters).
 */
export async function keptSignalMessages(
  events: readonly HistoryEvent[],
  converter: LoadedDataConverter,
  only?: readonly string[],
): Promise<CheckoutMessage[]> {
  const messages: CheckoutMessage[] = [];
  for (const event of events) {
    const signal = event.workflowExecutionSignaledEventAttributes;
    const name = signal?.signalName ?? '';
    const translate = TRANSLATIONS[name];
    if (!signal || !translate || (only && !only.includes(name))) continue;
    const arg = await firstArgument<never>(converter, signal.input?.payloads ?? []);
    messages.push(translate(arg, eventTimeMs(event)));
  }
  return messages;
}
