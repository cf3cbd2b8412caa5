Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_LOCAL_SNS_PORT = void 0;
exports.startLocalSnsServer = startLocalSnsServer;
// A local SNS endpoint for SMS: the SNS query API's Publish to a phone number (what the worker's
// SMS sender calls), answering SNS's XML, plus every text it took at GET /messages (JSON) and a
// small viewer at /. Numbers can be set to fail the way SNS fails: invalid (InvalidParameter),
// opted out (OptedOut), throttled (Throttled, HTTP 429), so tests and demos see every path.
const node_crypto_1 = require('node:crypto');
const node_http_1 = require('node:http');
const stand_ins_1 = require('../../config/stand-ins');
Object.defineProperty(exports, 'DEFAULT_LOCAL_SNS_PORT', {
  enumerable: true,
  get: () => stand_ins_1.DEFAULT_LOCAL_SNS_PORT,
});
const run_stand_in_1 = require('../run-stand-in');
const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';
/** What real SNS accepts as PhoneNumber. */
const E164 = /^\+[1-9]\d{6,14}$/;
// A Publish body is at most a few KB (SMS messages are capped at 1600 bytes).
const MAX_BODY_BYTES = 256 * 1024;
const escapeXml = (s) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
function errorXml(type, code, message, requestId) {
  return `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}
/** `MessageAttributes.entry.N.Name` = X and `...entry.N.Value.StringValue` = V → { X: V }. */
function messageAttributes(form) {
  const out = {};
  for (const [key, name] of form) {
    const m = /^MessageAttributes\.entry\.(\d+)\.Name$/.exec(key);
    const value = m && form.get(`MessageAttributes.entry.${m[1]}.Value.StringValue`);
    if (value != null) out[name] = value;
  }
  return out;
}
function viewerHtml(messages) {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${new Date(m.at).toISOString()}</td><td>${escapeXml(m.phoneNumber)}</td><td>${escapeXml(m.smsType ?? '')}</td><td class="msg">${escapeXml(m.message)}</td><td>${m.message.length}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Local SNS: texts</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}.msg{white-space:pre-wrap;word-break:break-all}</style>
</head><body><h1>Local SNS: ${messages.length} text(s)</h1>
<p>SMS the worker published (newest first; refreshes every 5 s). JSON: <a href="/messages">/messages</a></p>
<table><thead><tr><th>at</th><th>to</th><th>type</th><th>message</th><th>chars</th></tr></thead><tbody>
${rows || '<tr><td colspan="5">nothing yet</td></tr>'}
</tbody></table></body></html>`;
}
async function startLocalSnsServer(host = '127.0.0.1', port = stand_ins_1.DEFAULT_LOCAL_SNS_PORT, options = {}) {
  const received = [];
  const invalid = new Set(options.invalidNumbers ?? []);
  const optedOut = new Set(options.optedOutNumbers ?? []);
  const throttled = new Set(options.throttledNumbers ?? []);
  const send = (res, status, type, body) => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const publish = (form, res) => {
    const requestId = (0, node_crypto_1.randomUUID)();
    const fail = (status, code, message) =>
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
    const text = {
      messageId: (0, node_crypto_1.randomUUID)(),
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
  const handle = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (req.method === 'GET' && path === '/messages') {
      return send(res, 200, 'application/json', JSON.stringify({ messages: received }));
    }
    if (req.method === 'GET' && path === '/') return send(res, 200, 'text/html; charset=utf-8', viewerHtml(received));
    if (req.method !== 'POST') return send(res, 404, 'text/plain', 'not found');
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => publish(new URLSearchParams(Buffer.concat(chunks).toString('utf8')), res));
  };
  const server = (0, node_http_1.createServer)(handle);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address();
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
  (0, run_stand_in_1.runStandIn)('local SNS (SMS)', async () => {
    const { port, invalidNumbers, optedOutNumbers } = (0, stand_ins_1.loadLocalSnsConfig)(process.env);
    return startLocalSnsServer('127.0.0.1', port, { invalidNumbers, optedOutNumbers });
  });
}
//# sourceMappingURL=main.js.map
