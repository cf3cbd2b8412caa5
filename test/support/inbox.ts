// Reads what a real local SES endpoint (aws-ses-v2-local) received.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalSesServer } from '../../apps/local-ses/main';

export interface ReceivedEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
}

export class LocalInbox {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<LocalInbox> {
    const server = await startLocalSesServer('127.0.0.1', 0);
    const { port } = server.address() as AddressInfo;
    return new LocalInbox(server, `http://127.0.0.1:${port}`);
  }

  /** Every message sent to `to`, oldest first. */
  async messagesTo(to: string): Promise<ReceivedEmail[]> {
    const res = await fetch(`${this.url}/store`);
    const { emails } = (await res.json()) as { emails: ReceivedEmail[] };
    return emails.filter((e) => e.destination.to.some((t) => t.includes(to)));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
