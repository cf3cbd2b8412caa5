var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The codec endpoint the Temporal UI decodes payloads with, over HTTP on the real Nest app, with
// the same key as the test environment's client: on its own listener (CODEC_ADDRESS), never on the
// public port, optionally behind its own token, and every decode on record.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const common_1 = require('@temporalio/common');
const json_payload_1 = require('../../apps/api/codec/json-payload');
const messages_1 = require('../../common/messages');
const aes_gcm_codec_1 = require('../../config/encryption/aes-gcm-codec');
const payload_keys_1 = require('../../config/encryption/payload-keys');
const api_harness_1 = require('./support/api-harness');
const UI_ORIGIN = 'http://localhost:8233';
const KEY = 'codec-test-api-key-0123456789-0123456789';
const TOKEN = 'codec-test-token-0123456789-0123456789';
const b64 = (s) => Buffer.from(s).toString('base64');
const customer = { email: 'grace.hopper@example.com', name: 'Grace Hopper' };
const jsonPayload = (value) => (0, json_payload_1.toJson)(common_1.defaultPayloadConverter.toPayload(value));
const headers = { 'x-namespace': 'default' };
/** What the API logged, as `[context] message` lines. */
class RecordingLogger {
  lines = [];
  log(message, context) {
    this.lines.push(`[${context}] ${String(message)}`);
  }
  error(message, ...rest) {
    this.lines.push(`[error] ${String(message)} ${rest.map(String).join(' ')}`);
  }
  warn(message, context) {
    this.lines.push(`[${context}] ${String(message)}`);
  }
}
let env;
let api;
let guarded;
(0, node_test_1.before)(async () => {
  env = await (0, api_harness_1.startTemporal)();
  api = await (0, api_harness_1.startApi)(env.client);
  guarded = await (0, api_harness_1.startApi)(env.client, { API_KEY: KEY, CODEC_AUTH_TOKEN: TOKEN });
});
const codec = (running) => {
  strict_1.default.ok(running.codecUrl, 'the codec listener is on');
  return running.codecUrl;
};
(0, node_test_1.after)(async () => {
  await guarded?.close();
  await api?.close();
  await env?.teardown();
});
const preflight = (url, origin) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'x-namespace,content-type,authorization',
    },
  });
(0, node_test_1.describe)('POST /codec/encode and /codec/decode', () => {
  (0, node_test_1.test)(
    'encode encrypts with the current key, and decode gives back exactly what was encoded',
    async () => {
      const payloads = [jsonPayload(customer), jsonPayload('just text')];
      const encoded = await (0, api_harness_1.call)(`${codec(api)}/encode`, 'POST', { payloads }, headers);
      strict_1.default.equal(encoded.status, 200);
      strict_1.default.equal(encoded.body.payloads.length, 2);
      for (const p of encoded.body.payloads) {
        strict_1.default.equal(p.metadata.encoding, b64('binary/encrypted'));
        strict_1.default.equal(p.metadata['encryption-key-id'], b64('test-1'));
        strict_1.default.equal(Buffer.from(p.data, 'base64').includes(customer.email), false);
      }
      const decoded = await (0, api_harness_1.call)(`${codec(api)}/decode`, 'POST', encoded.body, headers);
      strict_1.default.equal(decoded.status, 200);
      strict_1.default.deepEqual(decoded.body, { payloads });
    },
  );
  (0, node_test_1.test)(
    'decode reads what the Temporal client stored: the encrypted input of a started checkout',
    async () => {
      const checkoutId = (0, api_harness_1.uniqueId)('co');
      const started = await (0, api_harness_1.call)(
        `${api.url}/checkouts`,
        'POST',
        (0, api_harness_1.checkoutBody)(checkoutId),
      );
      strict_1.default.equal(started.status, 202);
      const history = await env.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).fetchHistory();
      const stored = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
      strict_1.default.ok(stored);
      const raw = (0, json_payload_1.toJson)(stored);
      strict_1.default.equal(raw.metadata?.encoding, b64('binary/encrypted'), 'the history holds the input encrypted');
      const res = await (0, api_harness_1.call)(`${codec(api)}/decode`, 'POST', { payloads: [raw] }, headers);
      strict_1.default.equal(res.status, 200);
      const [decoded] = res.body.payloads;
      strict_1.default.equal(res.body.payloads[0].metadata.encoding, b64('json/plain'));
      const input = JSON.parse(Buffer.from(String(decoded?.data), 'base64').toString());
      strict_1.default.equal(input.checkout.customer.email, 'ada@example.com');
    },
  );
  (0, node_test_1.test)('accepts the empty externalPayloads a proto3 JSON writer may add', async () => {
    const res = await (0, api_harness_1.call)(`${codec(api)}/decode`, 'POST', {
      payloads: [{ ...jsonPayload(1), externalPayloads: [] }],
    });
    strict_1.default.equal(res.status, 200);
    strict_1.default.deepEqual(res.body, { payloads: [jsonPayload(1)] });
  });
  (0, node_test_1.test)('decode passes payloads that are not encrypted through unchanged', async () => {
    const payloads = [jsonPayload(customer), { metadata: { encoding: b64('binary/null') }, data: '' }];
    const res = await (0, api_harness_1.call)(`${codec(api)}/decode`, 'POST', { payloads }, headers);
    strict_1.default.equal(res.status, 200);
    strict_1.default.deepEqual(res.body, { payloads });
  });
  (0, node_test_1.test)(
    'decode of a payload encrypted with a key that is not configured is a 400 naming that key id, not ours',
    async () => {
      const [retired] = (0, payload_keys_1.parsePayloadKeys)((0, payload_keys_1.generatePayloadKeyEntry)('retired-1'));
      strict_1.default.ok(retired);
      const [foreign] = await new aes_gcm_codec_1.AesGcmPayloadCodec([retired]).encode([
        common_1.defaultPayloadConverter.toPayload(customer),
      ]);
      strict_1.default.ok(foreign);
      const res = await (0, api_harness_1.call)(`${codec(api)}/decode`, 'POST', {
        payloads: [jsonPayload('fine'), (0, json_payload_1.toJson)(foreign)],
      });
      strict_1.default.equal(res.status, 400);
      strict_1.default.equal(res.body.errors.length, 1);
      strict_1.default.equal(res.body.errors[0].field, 'payloads[1]');
      strict_1.default.match(res.body.errors[0].reason, /key "retired-1", which is not configured/);
      strict_1.default.doesNotMatch(
        JSON.stringify(res.body),
        /test-1/,
        "the configured key ids are not the caller's to know",
      );
    },
  );
  (0, node_test_1.test)('bad bodies are a 400 with the field and the reason, like every other route', async () => {
    const cases = [
      [{}, 'payloads', /must be an array/],
      [{ payloads: 'x' }, 'payloads', /must be an array/],
      [{ payloads: [{ data: 'not base64!' }] }, 'payloads[0].data', /must be a base64 string/],
      [{ payloads: [{ metadata: { encoding: 42 } }] }, 'payloads[0].metadata', /values are base64 strings/],
      [{ payloads: [{ metadata: ['x'] }] }, 'payloads[0].metadata', /values are base64 strings/],
      [{ payloads: [1] }, 'payloads[0]', /must be either object or array/],
      [{ payloads: [{ externalPayloads: [{ sizeBytes: 1 }] }] }, 'payloads[0].externalPayloads', /must be empty/],
      [{ payloads: [], extra: 1 }, 'extra', /is not an allowed field/],
    ];
    for (const [body, field, reason] of cases) {
      for (const route of ['encode', 'decode']) {
        const res = await (0, api_harness_1.call)(`${codec(api)}/${route}`, 'POST', body);
        strict_1.default.equal(res.status, 400, `${route} ${JSON.stringify(body)}`);
        const error = res.body.errors.find((e) => e.field === field);
        strict_1.default.ok(
          error,
          `${route} ${JSON.stringify(body)}: no error for ${field} in ${JSON.stringify(res.body)}`,
        );
        strict_1.default.match(error.reason, reason);
      }
    }
    const malformed = await (0, api_harness_1.call)(`${codec(api)}/decode`, 'POST', '{"payloads": [');
    strict_1.default.equal(malformed.status, 400);
  });
});
(0, node_test_1.describe)('CORS of the codec endpoint', () => {
  (0, node_test_1.test)(
    'a preflight from the Temporal UI origin is answered with the headers the UI sends',
    async () => {
      for (const route of ['encode', 'decode']) {
        const res = await preflight(`${codec(api)}/${route}`, UI_ORIGIN);
        strict_1.default.equal(res.status, 204);
        strict_1.default.equal(res.headers.get('access-control-allow-origin'), UI_ORIGIN);
        strict_1.default.match(res.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
        const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
        for (const header of ['x-namespace', 'content-type', 'authorization'])
          strict_1.default.ok(allowed.includes(header), header);
      }
      const res = await preflight(`${codec(api)}/decode`, 'http://127.0.0.1:8233');
      strict_1.default.equal(res.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8233');
    },
  );
  (0, node_test_1.test)(
    'a preflight from any other origin is refused, and answers to it carry no CORS headers',
    async () => {
      const res = await preflight(`${codec(api)}/decode`, 'https://evil.example.com');
      strict_1.default.equal(res.status, 403);
      strict_1.default.equal(res.headers.get('access-control-allow-origin'), null);
      const post = await (0, api_harness_1.call)(
        `${codec(api)}/decode`,
        'POST',
        { payloads: [] },
        { origin: 'https://evil.example.com' },
      );
      strict_1.default.equal(post.headers.get('access-control-allow-origin'), null);
      const fromUi = await (0, api_harness_1.call)(
        `${codec(api)}/decode`,
        'POST',
        { payloads: [] },
        { origin: UI_ORIGIN },
      );
      strict_1.default.equal(fromUi.status, 200);
      strict_1.default.equal(fromUi.headers.get('access-control-allow-origin'), UI_ORIGIN);
    },
  );
  (0, node_test_1.test)('the rest of the API stays without CORS', async () => {
    const res = await preflight(`${api.url}/checkouts`, UI_ORIGIN);
    strict_1.default.equal(res.headers.get('access-control-allow-origin'), null);
  });
});
(0, node_test_1.describe)('the codec on a listener of its own', () => {
  (0, node_test_1.test)(
    'the public port does not decode: 404 for every API client, the one with the key too',
    async () => {
      const encrypted = (
        await (0, api_harness_1.call)(`${codec(api)}/encode`, 'POST', { payloads: [jsonPayload(customer)] })
      ).body;
      for (const [running, headers] of [
        [api, {}],
        [guarded, { 'x-api-key': KEY }],
        [guarded, { authorization: `Bearer ${KEY}` }],
      ]) {
        const res = await (0, api_harness_1.call)(`${running.url}/codec/decode`, 'POST', encrypted, headers);
        strict_1.default.equal(res.status, 404);
        strict_1.default.doesNotMatch(JSON.stringify(res.body), /grace/i);
      }
    },
  );
  (0, node_test_1.test)('the codec listener serves nothing but the codec', async () => {
    strict_1.default.equal(
      (
        await (0, api_harness_1.call)(
          `${new URL(codec(api)).origin}/checkouts`,
          'POST',
          (0, api_harness_1.checkoutBody)((0, api_harness_1.uniqueId)('co')),
        )
      ).status,
      404,
    );
    strict_1.default.equal((await (0, api_harness_1.call)(`${new URL(codec(api)).origin}/health`, 'GET')).status, 404);
  });
  (0, node_test_1.test)('an empty CODEC_ADDRESS serves no codec at all', async () => {
    const quiet = await (0, api_harness_1.startApi)(env.client, { CODEC_ADDRESS: '' });
    try {
      strict_1.default.equal(quiet.codecUrl, undefined);
      strict_1.default.equal(
        (await (0, api_harness_1.call)(`${quiet.url}/codec/decode`, 'POST', { payloads: [] })).status,
        404,
      );
    } finally {
      await quiet.close();
    }
  });
});
(0, node_test_1.describe)('the codec with CODEC_AUTH_TOKEN set', () => {
  (0, node_test_1.test)('refuses calls without the token, and the API key does not stand in for it', async () => {
    for (const headers of [
      {},
      { authorization: `Bearer ${KEY}` },
      { 'x-api-key': KEY },
      { authorization: 'Bearer nope' },
    ]) {
      for (const route of ['encode', 'decode']) {
        const res = await (0, api_harness_1.call)(`${codec(guarded)}/${route}`, 'POST', { payloads: [] }, headers);
        strict_1.default.equal(res.status, 401, `${route} ${JSON.stringify(headers)}`);
      }
    }
  });
  (0, node_test_1.test)(
    'accepts the token as Authorization: Bearer, as the CLI sends it with --codec-auth',
    async () => {
      const payloads = [jsonPayload(customer)];
      const auth = { authorization: `Bearer ${TOKEN}` };
      const encoded = await (0, api_harness_1.call)(`${codec(guarded)}/encode`, 'POST', { payloads }, auth);
      strict_1.default.equal(encoded.status, 200);
      const decoded = await (0, api_harness_1.call)(`${codec(guarded)}/decode`, 'POST', encoded.body, auth);
      strict_1.default.deepEqual(decoded.body, { payloads });
    },
  );
  (0, node_test_1.test)('answers the preflight without the token: browsers never send credentials on it', async () => {
    const res = await preflight(`${codec(guarded)}/decode`, UI_ORIGIN);
    strict_1.default.equal(res.status, 204);
    strict_1.default.equal(res.headers.get('access-control-allow-origin'), UI_ORIGIN);
  });
});
(0, node_test_1.describe)('the audit log of decode calls', () => {
  const logs = new RecordingLogger();
  let audited;
  // Started last: Nest's Logger is process-wide, the app started last logs for all.
  (0, node_test_1.before)(async () => {
    audited = await (0, api_harness_1.startApi)(env.client, {}, undefined, logs);
  });
  (0, node_test_1.after)(async () => audited?.close());
  (0, node_test_1.test)('each decode logs who asked and how many payloads, never what they hold', async () => {
    const encoded = await (0, api_harness_1.call)(`${codec(audited)}/encode`, 'POST', {
      payloads: [jsonPayload(customer), jsonPayload(2)],
    });
    const before = logs.lines.length;
    const res = await (0, api_harness_1.call)(`${codec(audited)}/decode`, 'POST', encoded.body, {
      origin: UI_ORIGIN,
      'x-namespace': 'default',
    });
    strict_1.default.equal(res.status, 200);
    const lines = logs.lines.slice(before).filter((line) => line.startsWith('[CodecAudit]'));
    strict_1.default.equal(lines.length, 1, logs.lines.slice(before).join('\n'));
    strict_1.default.match(lines[0] ?? '', /decode of 2 payloads \(2 encrypted\) from \S*127\.0\.0\.1/);
    strict_1.default.match(lines[0] ?? '', /origin "http:\/\/localhost:8233", namespace "default"/);
    const everything = logs.lines.join('\n');
    for (const secret of [customer.email, customer.name, ...encoded.body.payloads.map((p) => p.data)])
      strict_1.default.ok(!everything.includes(secret), `the log holds ${secret.slice(0, 20)}…`);
  });
  (0, node_test_1.test)('a decode that fails is on record too, with how many payloads were refused', async () => {
    const before = logs.lines.length;
    const forged = {
      metadata: { encoding: b64('binary/encrypted'), 'encryption-key-id': b64('test-1') },
      data: b64('x'.repeat(40)),
    };
    strict_1.default.equal(
      (await (0, api_harness_1.call)(`${codec(audited)}/decode`, 'POST', { payloads: [forged] })).status,
      400,
    );
    strict_1.default.match(
      logs.lines.slice(before).join('\n'),
      /\[CodecAudit\] decode of 1 payloads \(1 encrypted, 1 refused\)/,
    );
  });
});
//# sourceMappingURL=codec.test.js.map
