// Observes when each email reaches SES, to the millisecond: a pass-through in front of the local SES
// inbox (aws-ses-v2-local, whose own `at` is in whole seconds). It stamps each SendRawEmail on
// arrival, keyed by its recipient, then forwards the request unchanged and relays the answer.
// POST /arrive {"key"} stamps an arrival without SES (the baseline workflow's activity).
import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SesRecorder {
  url: string;
  /** First arrival (epoch ms) per key. */
  readonly arrivals: ReadonlyMap<string, number>;
  /** Arrivals of a key already seen (retries, duplicates). */
  readonly repeats: number;
  close(): Promise<void>;
}

export async function startSesRecorder(upstream: string): Promise<SesRecorder> {
  const arrivals = new Map<string, number>();
  let repeats = 0;
  const target = new URL(upstream);
  const stamp = (key: string | null, at: number) => {
    if (!key) return;
    if (arrivals.has(key)) repeats += 1;
    else arrivals.set(key, at);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url === '/arrive') {
        stamp((JSON.parse(body.toString('utf8')) as { key?: string }).key ?? null, at);
        res.writeHead(204).end();
        return;
      }
      const form = new URLSearchParams(body.toString('utf8'));
      if (form.get('Action') === 'SendRawEmail') stamp(form.get('Destinations.member.1'), at);
      forward(req, body, res);
    });
  });

  function forward(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const upstreamReq = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, 'content-length': String(body.length) },
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    upstreamReq.on('error', (err) => res.writeHead(502).end(String(err)));
    upstreamReq.end(body);
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    get repeats() {
      return repeats;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
