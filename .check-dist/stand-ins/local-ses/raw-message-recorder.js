Object.defineProperty(exports, '__esModule', { value: true });
exports.portOf = void 0;
exports.startRawMessageRecorder = startRawMessageRecorder;
// aws-ses-v2-local parses what it receives and keeps only subject, addresses and bodies; a test of
// what actually went out also needs the headers (List-Unsubscribe, Message-ID, …). This front
// forwards every request unchanged to it and keeps the raw MIME of each SendRawEmail, found by the
// MessageId the inbox answered: GET /raw/<messageId> (message/rfc822).
const node_http_1 = require('node:http');
/** Recent messages only: a local inbox, not a store (the inbox itself keeps everything in memory). */
const MAX_KEPT = 10_000;
const MESSAGE_ID = /<MessageId>([^<]+)<\/MessageId>/;
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
/** The raw MIME of a v1 SendRawEmail form body, if it is one. */
function rawMessageOf(body, contentType) {
  if (!contentType?.startsWith('application/x-www-form-urlencoded')) return undefined;
  const form = new URLSearchParams(body.toString('utf8'));
  const data = form.get('RawMessage.Data');
  return form.get('Action') === 'SendRawEmail' && data ? Buffer.from(data, 'base64') : undefined;
}
/** Serves on host:port and forwards to the inbox listening on 127.0.0.1:`inboxPort`. */
async function startRawMessageRecorder(host, port, inboxPort) {
  const raws = new Map();
  const server = (0, node_http_1.createServer)(async (req, res) => {
    const raw = req.url?.match(/^\/raw\/([^/?]+)$/);
    if (req.method === 'GET' && raw) {
      const message = raws.get(decodeURIComponent(raw[1] ?? ''));
      res.writeHead(message ? 200 : 404, { 'content-type': message ? 'message/rfc822' : 'text/plain' });
      res.end(message ?? 'no such message');
      return;
    }
    try {
      const body = await readBody(req);
      const mime = req.method === 'POST' ? rawMessageOf(body, req.headers['content-type']) : undefined;
      const upstream = (0, node_http_1.request)(
        { host: '127.0.0.1', port: inboxPort, method: req.method, path: req.url, headers: req.headers },
        async (answer) => {
          const answered = await readBody(answer);
          const messageId = mime && answered.toString('utf8').match(MESSAGE_ID)?.[1];
          if (mime && messageId) {
            raws.set(messageId, mime);
            if (raws.size > MAX_KEPT) raws.delete(raws.keys().next().value);
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(answered);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(body);
    } catch {
      res.writeHead(400);
      res.end();
    }
  });
  server.listen(port, host);
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return server;
}
const portOf = (server) => server.address().port;
exports.portOf = portOf;
//# sourceMappingURL=raw-message-recorder.js.map
