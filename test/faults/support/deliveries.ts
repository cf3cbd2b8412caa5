// Counts what the SES endpoint delivered, per (checkout, step), from the raw MIME it received:
// the X-Checkout-Id and X-Reminder-Step headers every reminder carries (a confirmation has no step).
import type { SesFaultEndpoint, SesRequest } from '../../support/ses-fault-endpoint';

export interface MessageKey {
  checkoutId: string;
  /** A reminder's step, or 'confirmation'. */
  step: number | 'confirmation';
}

/** Header values of a raw MIME message, unfolded, by lower-case name (first occurrence). */
export function mimeHeaders(raw: Buffer): Map<string, string> {
  const text = raw.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end === -1 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

export function messageKeyOf(request: Pick<SesRequest, 'raw'>): MessageKey | undefined {
  if (!request.raw) return undefined;
  const headers = mimeHeaders(request.raw);
  const checkoutId = headers.get('x-checkout-id');
  if (!checkoutId) return undefined;
  const step = headers.get('x-reminder-step');
  return { checkoutId, step: step === undefined ? 'confirmation' : Number(step) };
}

export const keyText = ({ checkoutId, step }: MessageKey) => `${checkoutId}#${step}`;

/** Every request per message key, with the behaviour the endpoint answered it with. */
export function requestsByMessage(ses: SesFaultEndpoint): Map<string, SesRequest['behaviour'][]> {
  const out = new Map<string, SesRequest['behaviour'][]>();
  for (const request of ses.requests) {
    const key = messageKeyOf(request);
    if (!key) continue;
    const text = keyText(key);
    out.set(text, [...(out.get(text) ?? []), request.behaviour]);
  }
  return out;
}

/** How many times each message was delivered (answered 200 with a message id). */
export function deliveredCounts(ses: SesFaultEndpoint): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, behaviours] of requestsByMessage(ses)) {
    const ok = behaviours.filter((b) => b === 'ok').length;
    if (ok > 0) out.set(key, ok);
  }
  return out;
}

/** `{ "co-1#1": 1, ... }` for the keys asked, 0 when never delivered: a readable assertion target. */
export function deliveredOnce(ses: SesFaultEndpoint, keys: MessageKey[]): Record<string, number> {
  const counts = deliveredCounts(ses);
  return Object.fromEntries(keys.map((k) => [keyText(k), counts.get(keyText(k)) ?? 0]));
}

export const expectedOnce = (keys: MessageKey[]): Record<string, number> =>
  Object.fromEntries(keys.map((k) => [keyText(k), 1]));

/** The reminder keys of these checkouts for steps 1..steps. */
export function reminderKeys(checkoutIds: string[], steps: number): MessageKey[] {
  return checkoutIds.flatMap((checkoutId) => Array.from({ length: steps }, (_, i) => ({ checkoutId, step: i + 1 })));
}
