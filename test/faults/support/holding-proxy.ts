// An HTTP proxy in front of a provider (localstripe) that holds the requests a rule picks until the
// test lets them through or drops them: the fault tests time a crash against a provider call this way.
import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { HOST } from './processes';

export interface HeldRequest {
  method: string;
  path: string;
  /** Sends it on to the provider now; the answer goes to the caller if it still listens. */
  forward(): Promise<void>;
  /** Never reaches the provider: the caller's connection is closed. */
  drop(): void;
}

export class HoldingProxy {
  readonly held: HeldRequest[] = [];
  /** Every request that reached the provider, in order ("POST /v1/payment_intents/pi_…/capture"). */
  readonly forwarded: string[] = [];
  private rule: (method: string, path: string) => boolean = () => false;

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    private readonly target: URL,
    readonly url: string,
  ) {}

  static async start(targetUrl: string): Promise<HoldingProxy> {
    let proxy: HoldingProxy | undefined;
    const server = createServer((req, res) => {
      proxy?.handle(req, res).catch(() => res.destroy());
    });
    server.listen(0, HOST);
    await once(server, 'listening');
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    proxy = new HoldingProxy(server, new URL(targetUrl), `http://${HOST}:${address.port}`);
    return proxy;
  }

  /** Holds every request for which `rule` is true from now on. */
  holdWhen(rule: (method: string, path: string) => boolean): void {
    this.rule = rule;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const forward = () => this.forward(req, body, res);
    if (!this.rule(method, path)) return forward();
    this.held.push({ method, path, forward, drop: () => res.destroy() });
  }

  private forward(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    this.forwarded.push(`${req.method} ${req.url}`);
    return new Promise((resolve, reject) => {
      const upstream = request(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: this.target.host },
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            // The caller may be gone (killed): the provider acted all the same.
            if (!res.destroyed) {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(parts));
            }
            resolve();
          });
          answer.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}
