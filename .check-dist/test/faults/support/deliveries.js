Object.defineProperty(exports, '__esModule', { value: true });
exports.expectedOnce = exports.keyText = void 0;
exports.mimeHeaders = mimeHeaders;
exports.messageKeyOf = messageKeyOf;
exports.requestsByMessage = requestsByMessage;
exports.deliveredCounts = deliveredCounts;
exports.deliveredOnce = deliveredOnce;
exports.reminderKeys = reminderKeys;
/** Header values of a raw MIME message, unfolded, by lower-case name (first occurrence). */
function mimeHeaders(raw) {
  const text = raw.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end === -1 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map();
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}
function messageKeyOf(request) {
  if (!request.raw) return undefined;
  const headers = mimeHeaders(request.raw);
  const checkoutId = headers.get('x-checkout-id');
  if (!checkoutId) return undefined;
  const step = headers.get('x-reminder-step');
  return { checkoutId, step: step === undefined ? 'confirmation' : Number(step) };
}
const keyText = ({ checkoutId, step }) => `${checkoutId}#${step}`;
exports.keyText = keyText;
/** Every request per message key, with the behaviour the endpoint answered it with. */
function requestsByMessage(ses) {
  const out = new Map();
  for (const request of ses.requests) {
    const key = messageKeyOf(request);
    if (!key) continue;
    const text = (0, exports.keyText)(key);
    out.set(text, [...(out.get(text) ?? []), request.behaviour]);
  }
  return out;
}
/** How many times each message was delivered (answered 200 with a message id). */
function deliveredCounts(ses) {
  const out = new Map();
  for (const [key, behaviours] of requestsByMessage(ses)) {
    const ok = behaviours.filter((b) => b === 'ok').length;
    if (ok > 0) out.set(key, ok);
  }
  return out;
}
/** `{ "co-1#1": 1, ... }` for the keys asked, 0 when never delivered: a readable assertion target. */
function deliveredOnce(ses, keys) {
  const counts = deliveredCounts(ses);
  return Object.fromEntries(keys.map((k) => [(0, exports.keyText)(k), counts.get((0, exports.keyText)(k)) ?? 0]));
}
const expectedOnce = (keys) => Object.fromEntries(keys.map((k) => [(0, exports.keyText)(k), 1]));
exports.expectedOnce = expectedOnce;
/** The reminder keys of these checkouts for steps 1..steps. */
function reminderKeys(checkoutIds, steps) {
  return checkoutIds.flatMap((checkoutId) => Array.from({ length: steps }, (_, i) => ({ checkoutId, step: i + 1 })));
}
//# sourceMappingURL=deliveries.js.map
