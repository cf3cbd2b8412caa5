// A real aws-ses-v2-local on a free port, and what it received.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import startSesServer from 'aws-ses-v2-local';

export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
}

export class LocalSes {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<LocalSes> {
    const server = await startSesServer({ host: '127.0.0.1', port: 0 });
    const { port } = server.address() as AddressInfo;
    return new LocalSes(server, `http://127.0.0.1:${port}`);
  }

  /** Its store is per process, not per server: filter by recipient. */
  async emailsTo(address: string): Promise<StoredEmail[]> {
    const res = await fetch(`${this.url}/store`);
    const { emails } = (await res.json()) as { emails: StoredEmail[] };
    return emails.filter((e) => e.destination.to.some((to) => to.includes(address)));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }
}
