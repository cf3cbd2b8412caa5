// Observes when each email reaches SES, to the millisecond: a pass-through in front of the local SES
// inbox (aws-ses-v2-local, whose own `at` is in whole seconds). It stamps each SendRawEmail on
// arrival, keyed by its recipient, then forwards the request unchanged and relays the answer.
// POST /arrive {"key"} stamps an arrival without SES (the baseline workflow's activity).
// Every message is also kept in `messages`, with the time SES answered and whether it was a reminder.
import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendRawEmailResponse } from './ses-answer';

export interface RecordedMessage {
  /** The recipient (SES) or the key given to /arrive. */
  key: string;
  /** When the request reached the recorder (epoch ms): the send call had begun by then. */
  receivedAt: number;
  /** When SES's answer was relayed back (epoch ms); for /arrive, the arrival itself. */
  answeredAt?: number;
  /** SES's HTTP status; 204 for /arrive. */
  status?: number;
  /** The X-Reminder-Step header of a reminder; undefined for other mail (order confirmations). */
  reminderStep?: number;
}

export interface SesRecorder {
  url: string;
  /** First arrival (epoch ms) per key. */
  readonly arrivals: ReadonlyMap<string, number>;
  /** Arrivals of a key already seen (retries, duplicates). */
  readonly repeats: number;
  /** Every SendRawEmail and /arrive, in arrival order. */
  readonly messages: readonly RecordedMessage[];
  close(): Promise<void>;
}

const REMINDER_STEP_HEADER = /^X-Reminder-Step:\s*(\d+)/im;

/** The reminder step named in a SendRawEmail's MIME headers, if it is a reminder. */
function reminderStepOf(form: URLSearchParams): number | undefined {
  const data = form.get('RawMessage.Data');
  if (!data) return undefined;
  const mime = Buffer.from(data, 'base64').toString('utf8');
  const end = mime.search(/\r?\n\r?\n/);
  const step = REMINDER_STEP_HEADER.exec(end < 0 ? mime : mime.slice(0, end))?.[1];
  return step === undefined ? undefined : Number(step);
}

/**
 * `answer: 'local'`: SendRawEmail is answered here in SES's own XML (ses-answer.ts), not passed on:
 * the stand-in's CPU (aws-ses-v2-local, about 4 ms a message) then does not share the machine's cores
 * with the worker under test, as real SES does not.
 */
export async function startSesRecorder(
  upstream: string,
  options: { answer?: 'upstream' | 'local' } = {},
): Promise<SesRecorder> {
  const arrivals = new Map<string, number>();
  const messages: RecordedMessage[] = [];
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
        const key = (JSON.parse(body.toString('utf8')) as { key?: string }).key ?? null;
        stamp(key, at);
        if (key) messages.push({ key, receivedAt: at, answeredAt: at, status: 204 });
        res.writeHead(204).end();
        return;
      }
      const form = new URLSearchParams(body.toString('utf8'));
      const to = form.get('Destinations.member.1');
      if (form.get('Action') === 'SendRawEmail' && to) {
        stamp(to, at);
        const message: RecordedMessage = { key: to, receivedAt: at, reminderStep: reminderStepOf(form) };
        messages.push(message);
        res.once('finish', () => {
          message.answeredAt = Date.now();
          message.status = res.statusCode;
        });
        if (options.answer === 'local') {
          res.writeHead(200, { 'content-type': 'text/xml' }).end(sendRawEmailResponse());
          return;
        }
      }
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
    messages,
    get repeats() {
      return repeats;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
