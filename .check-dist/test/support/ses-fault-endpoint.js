Object.defineProperty(exports, '__esModule', { value: true });
exports.errorResponseXml = errorResponseXml;
exports.startSesFaultEndpoint = startSesFaultEndpoint;
// A stand-in for the SES v1 query API that answers with SES's own XML, including its error
// responses, so tests can drive the real AWS SDK into each failure path. One behaviour per
// request: the rule's choice first (when set and it returns one), then queued behaviours, then the default.
const node_events_1 = require('node:events');
const node_http_1 = require('node:http');
const SES_NS = 'http://ses.amazonaws.com/doc/2010-12-01/';
function errorResponseXml(type, code, message, requestId) {
  return `<ErrorResponse xmlns="${SES_NS}">
  <Error>
    <Type>${type}</Type>
    <Code>${code}</Code>
    <Message>${escapeXml(message)}</Message>
  </Error>
  <RequestId>${requestId}</RequestId>
</ErrorResponse>
`;
}
function sendRawEmailXml(messageId, requestId) {
  return `<SendRawEmailResponse xmlns="${SES_NS}">
  <SendRawEmailResult>
    <MessageId>${messageId}</MessageId>
  </SendRawEmailResult>
  <ResponseMetadata>
    <RequestId>${requestId}</RequestId>
  </ResponseMetadata>
</SendRawEmailResponse>
`;
}
function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Status and body of SES's answer for one behaviour. */
function answer(behaviour, requestId) {
  switch (behaviour.kind) {
    case 'ok':
      return [200, sendRawEmailXml(behaviour.messageId ?? `fault-ok-${requestId}`, requestId)];
    case 'reject':
      return [
        400,
        errorResponseXml(
          'Sender',
          'MessageRejected',
          behaviour.message ??
            'Email address is not verified. The following identities failed the check in region US-EAST-1: shopper@example.com',
          requestId,
        ),
      ];
    case 'throttle':
      return [400, errorResponseXml('Sender', 'Throttling', 'Maximum sending rate exceeded.', requestId)];
    case 'quota':
      return [400, errorResponseXml('Sender', 'Throttling', 'Daily message quota exceeded.', requestId)];
    case 'fail':
      return [500, errorResponseXml('Receiver', 'InternalFailure', 'The request processing has failed.', requestId)];
    case 'error': {
      const type = behaviour.type ?? (behaviour.status >= 500 ? 'Receiver' : 'Sender');
      return [behaviour.status, errorResponseXml(type, behaviour.code, behaviour.message, requestId)];
    }
  }
}
async function startSesFaultEndpoint(options = {}) {
  let fallback = options.default ?? { kind: 'ok' };
  let rule;
  const queue = [...(options.queue ?? [])];
  const requests = [];
  const hanging = new Set();
  let sequence = 0;
  const waiters = [];
  const wake = () => {
    for (const w of [...waiters]) {
      if (requests.length < w.count) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  const server = (0, node_http_1.createServer)((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const data = form.get('RawMessage.Data');
      const request = { action: form.get('Action'), raw: data === null ? undefined : Buffer.from(data, 'base64') };
      const behaviour = rule?.(request) ?? queue.shift() ?? fallback;
      requests.push({ ...request, behaviour: behaviour.kind });
      sequence += 1;
      respond(res, behaviour, `fault-${process.pid}-${sequence}`);
      wake();
    });
  });
  function respond(res, behaviour, requestId) {
    if (behaviour.kind === 'hang') {
      hanging.add(res);
      return;
    }
    const [status, body] = answer(behaviour, requestId);
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
    res.end(body);
  }
  server.listen(0, '127.0.0.1');
  await (0, node_events_1.once)(server, 'listening');
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    enqueue: (...behaviours) => {
      queue.push(...behaviours);
    },
    setDefault: (behaviour) => {
      fallback = behaviour;
    },
    setRule: (next) => {
      rule = next;
    },
    get count() {
      return requests.length;
    },
    requests,
    received: (count) =>
      new Promise((resolve) => {
        waiters.push({ count, resolve });
        wake();
      }),
    answerHanging: (behaviour) => {
      for (const res of hanging) {
        sequence += 1;
        respond(res, behaviour, `fault-${process.pid}-${sequence}`);
      }
      hanging.clear();
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
//# sourceMappingURL=ses-fault-endpoint.js.map
