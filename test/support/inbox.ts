// Reads what a real local SES endpoint (aws-ses-v2-local) received.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { startLocalSesServer } from '../../stand-ins/local-ses/main';

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

  /** The headers of a received message as it went out (lower-case names), from its raw MIME. */
  async headersOf(messageId: string): Promise<Map<string, string>> {
    const res = await fetch(`${this.url}/raw/${encodeURIComponent(messageId)}`);
    if (!res.ok) throw new Error(`the inbox has no raw message ${messageId} (${res.status})`);
    const parsed = await simpleParser(Buffer.from(await res.arrayBuffer()));
    // headerLines keep the value as written (folded lines joined), unlike the parsed `headers`.
    return new Map(
      parsed.headerLines.map((h) => [
        h.key,
        h.line
          .slice(h.line.indexOf(':') + 1)
          .replace(/\r?\n\s+/g, ' ')
          .trim(),
      ]),
    );
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
