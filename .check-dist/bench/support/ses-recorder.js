Object.defineProperty(exports, '__esModule', { value: true });
exports.startSesRecorder = startSesRecorder;
// Observes when each email reaches SES, to the millisecond: a pass-through in front of the local SES
// inbox (aws-ses-v2-local, whose own `at` is in whole seconds). It stamps each SendRawEmail on
// arrival, keyed by its recipient, then forwards the request unchanged and relays the answer.
// POST /arrive {"key"} stamps an arrival without SES (the baseline workflow's activity).
// Every message is also kept in `messages`, with the time SES answered and whether it was a reminder.
const node_events_1 = require('node:events');
const node_http_1 = require('node:http');
const REMINDER_STEP_HEADER = /^X-Reminder-Step:\s*(\d+)/im;
/** The reminder step named in a SendRawEmail's MIME headers, if it is a reminder. */
function reminderStepOf(form) {
  const data = form.get('RawMessage.Data');
  if (!data) return undefined;
  const mime = Buffer.from(data, 'base64').toString('utf8');
  const end = mime.search(/\r?\n\r?\n/);
  const step = REMINDER_STEP_HEADER.exec(end < 0 ? mime : mime.slice(0, end))?.[1];
  return step === undefined ? undefined : Number(step);
}
async function startSesRecorder(upstream) {
  const arrivals = new Map();
  const messages = [];
  let repeats = 0;
  const target = new URL(upstream);
  const stamp = (key, at) => {
    if (!key) return;
    if (arrivals.has(key)) repeats += 1;
    else arrivals.set(key, at);
  };
  const server = (0, node_http_1.createServer)((req, res) => {
    const at = Date.now();
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url === '/arrive') {
        const key = JSON.parse(body.toString('utf8')).key ?? null;
        stamp(key, at);
        if (key) messages.push({ key, receivedAt: at, answeredAt: at, status: 204 });
        res.writeHead(204).end();
        return;
      }
      const form = new URLSearchParams(body.toString('utf8'));
      const to = form.get('Destinations.member.1');
      if (form.get('Action') === 'SendRawEmail' && to) {
        stamp(to, at);
        const message = { key: to, receivedAt: at, reminderStep: reminderStepOf(form) };
        messages.push(message);
        res.once('finish', () => {
          message.answeredAt = Date.now();
          message.status = res.statusCode;
        });
      }
      forward(req, body, res);
    });
  });
  function forward(req, body, res) {
    const upstreamReq = (0, node_http_1.request)(
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
  await (0, node_events_1.once)(server, 'listening');
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    messages,
    get repeats() {
      return repeats;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
//# sourceMappingURL=ses-recorder.js.map
