// A local SNS endpoint for SMS: the SNS query API's Publish to a phone number (what the worker's
// SMS sender calls), answering SNS's XML, plus every text it took at GET /messages (JSON) and a
// small viewer at /. Numbers can be set to fail the way SNS fails: invalid (InvalidParameter),
// opted out (OptedOut), throttled (Throttled, HTTP 429), so tests and demos see every path.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { smsSegments } from '../../common/sms-segments';
import { DEFAULT_LOCAL_SNS_PORT, loadLocalSnsConfig } from '../../config/stand-ins';
import { runStandIn } from '../run-stand-in';

export { DEFAULT_LOCAL_SNS_PORT };

const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';
/** What real SNS accepts as PhoneNumber. */
const E164 = /^\+[1-9]\d{6,14}$/;
// A Publish body is at most a few KB (SMS messages are capped at 1600 bytes).
const MAX_BODY_BYTES = 256 * 1024;

export interface ReceivedText {
  messageId: string;
  phoneNumber: string;
  message: string;
  /** The AWS.SNS.SMS.SMSType attribute, e.g. "Promotional". */
  smsType?: string;
  senderId?: string;
  /** Epoch ms. */
  at: number;
}

export interface LocalSnsOptions {
  /** Answered `InvalidParameter` (400), as SNS does for a number it cannot text. */
  invalidNumbers?: string[];
  /** Answered `OptedOut` (400): the number replied STOP. */
  optedOutNumbers?: string[];
  /** Answered `Throttled` (429). */
  throttledNumbers?: string[];
}

export interface LocalSns {
  server: Server;
  url: string;
  /** Every text taken, oldest first. */
  messages(): ReceivedText[];
  close(): Promise<void>;
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

function errorXml(type: 'Sender' | 'Receiver', code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/** `MessageAttributes.entry.N.Name` = X and `...entry.N.Value.StringValue` = V → { X: V }. */
function messageAttributes(form: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, name] of form) {
    const m = /^MessageAttributes\.entry\.(\d+)\.Name$/.exec(key);
    const value = m && form.get(`MessageAttributes.entry.${m[1]}.Value.StringValue`);
    if (value != null) out[name] = value;
  }
  return out;
}

/** "1 (GSM-7)" or "2 (UCS-2: ú, í)": what the text costs, and which characters forced UCS-2. */
function segmentsCell(message: string): string {
  const { segments, encoding, nonGsm } = smsSegments(message);
  const why = nonGsm.length > 0 ? `: ${nonGsm.slice(0, 5).join(' ')}` : '';
  return escapeXml(`${segments} (${encoding}${why})`);
}

function viewerHtml(messages: ReceivedText[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${new Date(m.at).toISOString()}</td><td>${escapeXml(m.phoneNumber)}</td><td>${escapeXml(m.smsType ?? '')}</td><td class="msg">${escapeXml(m.message)}</td><td>${m.message.length}</td><td class="segments">${segmentsCell(m.message)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Local SNS: texts</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}.msg{white-space:pre-wrap;word-break:break-all}</style>
</head><body><h1>Local SNS: ${messages.length} text(s)</h1>
<p>SMS the worker published (newest first; refreshes every 5 s). JSON: <a href="/messages">/messages</a></p>
<table><thead><tr><th>at</th><th>to</th><th>type</th><th>message</th><th>chars</th><th>segments</th></tr></thead><tbody>
${rows || '<tr><td colspan="6">nothing yet</td></tr>'}
</tbody></table></body></html>`;
}

export async function startLocalSnsServer(
  host = '127.0.0.1',
  port = DEFAULT_LOCAL_SNS_PORT,
  options: LocalSnsOptions = {},
): Promise<LocalSns> {
  const received: ReceivedText[] = [];
  const invalid = new Set(options.invalidNumbers ?? []);
  const optedOut = new Set(options.optedOutNumbers ?? []);
  const throttled = new Set(options.throttledNumbers ?? []);

  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };

  const publish = (form: URLSearchParams, res: ServerResponse) => {
    const requestId = randomUUID();
    const fail = (status: number, code: string, message: string) =>
      send(res, status, 'text/xml', errorXml(status >= 500 ? 'Receiver' : 'Sender', code, message, requestId));
    const action = form.get('Action');
    if (action !== 'Publish') return fail(400, 'InvalidAction', `The action ${action ?? '(none)'} is not valid here`);
    const phone = form.get('PhoneNumber') ?? '';
    const message = form.get('Message') ?? '';
    if (!phone) return fail(400, 'InvalidParameter', 'Invalid parameter: PhoneNumber (this endpoint only texts)');
    if (!message) return fail(400, 'InvalidParameter', 'Invalid parameter: Empty message');
    if (!E164.test(phone) || invalid.has(phone)) {
      return fail(
        400,
        'InvalidParameter',
        `Invalid parameter: PhoneNumber Reason: ${phone} is not valid to publish to`,
      );
    }
    if (optedOut.has(phone)) return fail(400, 'OptedOut', `Phone number ${phone} is opted out`);
    if (throttled.has(phone)) return fail(429, 'Throttled', 'Rate exceeded');
    const attributes = messageAttributes(form);
    const text: ReceivedText = {
      messageId: randomUUID(),
      phoneNumber: phone,
      message,
      ...(attributes['AWS.SNS.SMS.SMSType'] && { smsType: attributes['AWS.SNS.SMS.SMSType'] }),
      ...(attributes['AWS.SNS.SMS.SenderID'] && { senderId: attributes['AWS.SNS.SMS.SenderID'] }),
      at: Date.now(),
    };
    received.push(text);
    send(
      res,
      200,
      'text/xml',
      `<PublishResponse xmlns="${XMLNS}"><PublishResult><MessageId>${text.messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></PublishResponse>`,
    );
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (req.method === 'GET' && path === '/messages') {
      return send(res, 200, 'application/json', JSON.stringify({ messages: received }));
    }
    if (req.method === 'GET' && path === '/') return send(res, 200, 'text/html; charset=utf-8', viewerHtml(received));
    if (req.method !== 'POST') return send(res, 404, 'text/plain', 'not found');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => publish(new URLSearchParams(Buffer.concat(chunks).toString('utf8')), res));
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${bound}`,
    messages: () => [...received],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (require.main === module) {
  // SNS_PORT; LOCAL_SNS_INVALID_NUMBERS / LOCAL_SNS_OPTED_OUT_NUMBERS: comma-separated numbers to reject.
  runStandIn('local SNS (SMS)', async () => {
    const { port, invalidNumbers, optedOutNumbers } = loadLocalSnsConfig(process.env);
    return startLocalSnsServer('127.0.0.1', port, { invalidNumbers, optedOutNumbers });
  });
}
