// A real local push service on a free port: make test subscriptions, read what they received,
// make them answer like a push service in trouble.

import type { PushSubscriptionJSON } from '../../common/push-subscription';
import { type LocalPushServer, type ReceivedPush, startLocalPushServer } from '../../stand-ins/local-push/main';

export class LocalPush {
  private constructor(private readonly push: LocalPushServer) {}

  static async start(): Promise<LocalPush> {
    return new LocalPush(await startLocalPushServer('127.0.0.1', 0));
  }

  get url(): string {
    return this.push.url;
  }

  /** A new test subscription over HTTP, as the viewer's button makes one. */
  async subscribe(opts: { applicationServerKey?: string } = {}): Promise<PushSubscriptionJSON> {
    const res = await fetch(`${this.url}/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(opts),
    });
    if (res.status !== 201) throw new Error(`POST /subscriptions answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as PushSubscriptionJSON;
  }

  /** What the service received for this subscription, newest first. */
  async messagesFor(subscription: PushSubscriptionJSON): Promise<ReceivedPush[]> {
    const res = await fetch(`${this.url}/messages?subscription=${encodeURIComponent(idOf(subscription))}`);
    return ((await res.json()) as { messages: ReceivedPush[] }).messages;
  }

  /** The browser unsubscribed: pushes to it get 410 Gone. */
  async unsubscribe(subscription: PushSubscriptionJSON): Promise<void> {
    const res = await fetch(`${this.url}/subscriptions/${idOf(subscription)}`, { method: 'DELETE' });
    if (res.status !== 204) throw new Error(`DELETE answered ${res.status}`);
  }

  /** Every push to this subscription gets this answer until `clearFault`. */
  async setFault(subscription: PushSubscriptionJSON, status: number, retryAfter?: string): Promise<void> {
    const res = await fetch(`${this.url}/subscriptions/${idOf(subscription)}/fault`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status, retryAfter }),
    });
    if (res.status !== 204) throw new Error(`PUT fault answered ${res.status}`);
  }

  close(): Promise<void> {
    return this.push.close();
  }
}

export function idOf(subscription: PushSubscriptionJSON): string {
  return new URL(subscription.endpoint).pathname.split('/').pop() ?? '';
}
