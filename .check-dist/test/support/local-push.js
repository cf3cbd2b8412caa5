// A real local push service on a free port: make test subscriptions, read what they received,
// make them answer like a push service in trouble.
Object.defineProperty(exports, '__esModule', { value: true });
exports.LocalPush = void 0;
exports.idOf = idOf;
const main_1 = require('../../stand-ins/local-push/main');
class LocalPush {
  push;
  constructor(push) {
    this.push = push;
  }
  static async start() {
    return new LocalPush(await (0, main_1.startLocalPushServer)('127.0.0.1', 0));
  }
  get url() {
    return this.push.url;
  }
  /** A new test subscription over HTTP, as the viewer's button makes one. */
  async subscribe(opts = {}) {
    const res = await fetch(`${this.url}/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(opts),
    });
    if (res.status !== 201) throw new Error(`POST /subscriptions answered ${res.status}: ${await res.text()}`);
    return await res.json();
  }
  /** What the service received for this subscription, newest first. */
  async messagesFor(subscription) {
    const res = await fetch(`${this.url}/messages?subscription=${encodeURIComponent(idOf(subscription))}`);
    return (await res.json()).messages;
  }
  /** The browser unsubscribed: pushes to it get 410 Gone. */
  async unsubscribe(subscription) {
    const res = await fetch(`${this.url}/subscriptions/${idOf(subscription)}`, { method: 'DELETE' });
    if (res.status !== 204) throw new Error(`DELETE answered ${res.status}`);
  }
  /** Every push to this subscription gets this answer until `clearFault`. */
  async setFault(subscription, status, retryAfter) {
    const res = await fetch(`${this.url}/subscriptions/${idOf(subscription)}/fault`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status, retryAfter }),
    });
    if (res.status !== 204) throw new Error(`PUT fault answered ${res.status}`);
  }
  close() {
    return this.push.close();
  }
}
exports.LocalPush = LocalPush;
function idOf(subscription) {
  return new URL(subscription.endpoint).pathname.split('/').pop() ?? '';
}
//# sourceMappingURL=local-push.js.map
