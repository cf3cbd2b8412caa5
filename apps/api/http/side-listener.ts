// A listener apart from the public port (metrics, codec): bound to its own host:port setting, so
// what it serves can stay on an internal network while the public port faces the internet.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OnApplicationShutdown } from '@nestjs/common';

/** Listens on `configured` (host:port, [v6]:port); a failure names the setting to change. */
export async function listenOn(server: Server, configured: string, setting: string, what: string): Promise<void> {
  const at = configured.lastIndexOf(':');
  const host = configured.slice(0, at).replace(/^\[(.*)\]$/, '$1');
  server.listen(Number(configured.slice(at + 1)), host);
  try {
    await once(server, 'listening'); // rejects with the 'error' event, e.g. EADDRINUSE
  } catch (err) {
    throw new Error(`cannot serve ${what} on ${configured} (${setting}; empty switches it off): ${String(err)}`);
  }
}

/** http://host:port of a listening server (the bound port when configured as 0). */
export function baseUrlOf(server: Server | undefined): string | undefined {
  const address = server?.address() as AddressInfo | null | undefined;
  if (!address) return undefined;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export async function closeNow(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A Nest provider that owns one side listener (`server`), closed at shutdown. */
export abstract class SideListener implements OnApplicationShutdown {
  protected server: Server | undefined;
  /** The listen under way: Nest starts a module's providers together, so shutdown may come before it ends. */
  private opening: Promise<void> | undefined;

  /** Listens (listenOn) and keeps the server; a shutdown that comes meanwhile waits, then closes it. */
  protected async listen(server: Server, configured: string, setting: string, what: string): Promise<void> {
    this.server = server;
    this.opening = listenOn(server, configured, setting, what);
    try {
      await this.opening;
    } catch (err) {
      this.server = undefined;
      throw err;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Another provider's failed start shuts the app down while this one may still be binding (a host
    // name to resolve): wait for it, or its listener would open after the close and stay open.
    await this.opening?.catch(() => undefined);
    const server = this.server;
    this.server = undefined;
    if (server?.listening) await closeNow(server);
  }
}
