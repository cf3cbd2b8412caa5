// The codec endpoint the Temporal UI decodes payloads with, over HTTP on the real Nest app, with
// the same key as the test environment's client: on its own listener (CODEC_ADDRESS), never on the
// public port, optionally behind its own token, and every decode on record.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LoggerService } from '@nestjs/common';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { toJson } from '../../apps/api/codec/json-payload';
import { workflowIdFor } from '../../common/messages';
import { AesGcmPayloadCodec } from '../../config/encryption/aes-gcm-codec';
import { generatePayloadKeyEntry, parsePayloadKeys } from '../../config/encryption/payload-keys';
import { call, checkoutBody, type RunningApi, startApi, startTemporal, uniqueId } from './support/api-harness';

const UI_ORIGIN = 'http://localhost:8233';
const KEY = 'codec-test-api-key-0123456789-0123456789';
const TOKEN = 'codec-test-token-0123456789-0123456789';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const customer = { email: 'grace.hopper@example.com', name: 'Grace Hopper' };
const jsonPayload = (value: unknown) => toJson(defaultPayloadConverter.toPayload(value));
const headers = { 'x-namespace': 'default' };

/** What the API logged, as `[context] message` lines. */
class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown, context?: string) {
    this.lines.push(`[${context}] ${String(message)}`);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.lines.push(`[error] ${String(message)} ${rest.map(String).join(' ')}`);
  }
  warn(message: unknown, context?: string) {
    this.lines.push(`[${context}] ${String(message)}`);
  }
}

let env: TestWorkflowEnvironment;
let api: RunningApi;
let guarded: RunningApi;

before(async () => {
  env = await startTemporal();
  api = await startApi(env.client);
  guarded = await startApi(env.client, { API_KEY: KEY, CODEC_AUTH_TOKEN: TOKEN });
});

const codec = (running: RunningApi) => {
  assert.ok(running.codecUrl, 'the codec listener is on');
  return running.codecUrl;
};

after(async () => {
  await guarded?.close();
  await api?.close();
  await env?.teardown();
});

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'x-namespace,content-type,authorization',
    },
  });

describe('POST /codec/encode and /codec/decode', () => {
  test('encode encrypts with the current key, and decode gives back exactly what was encoded', async () => {
    const payloads = [jsonPayload(customer), jsonPayload('just text')];
    const encoded = await call(`${codec(api)}/encode`, 'POST', { payloads }, headers);
    assert.equal(encoded.status, 200);
    assert.equal(encoded.body.payloads.length, 2);
    for (const p of encoded.body.payloads) {
      assert.equal(p.metadata.encoding, b64('binary/encrypted'));
      assert.equal(p.metadata['encryption-key-id'], b64('test-1'));
      assert.equal(Buffer.from(p.data, 'base64').includes(customer.email), false);
    }
    const decoded = await call(`${codec(api)}/decode`, 'POST', encoded.body, headers);
    assert.equal(decoded.status, 200);
    assert.deepEqual(decoded.body, { payloads });
  });

  test('decode reads what the Temporal client stored: the encrypted input of a started checkout', async () => {
    const checkoutId = uniqueId('co');
    const started = await call(`${api.url}/checkouts`, 'POST', checkoutBody(checkoutId));
    assert.equal(started.status, 202);
    const history = await env.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
    const stored = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    assert.ok(stored);
    const raw = toJson(stored);
    assert.equal(raw.metadata?.encoding, b64('binary/encrypted'), 'the history holds the input encrypted');
    const res = await call(`${codec(api)}/decode`, 'POST', { payloads: [raw] }, headers);
    assert.equal(res.status, 200);
    const [decoded] = res.body.payloads as Payload[];
    assert.equal(res.body.payloads[0].metadata.encoding, b64('json/plain'));
    const input = JSON.parse(Buffer.from(String(decoded?.data), 'base64').toString());
    assert.equal(input.checkout.customer.email, 'ada@example.com');
  });

  test('accepts the empty externalPayloads a proto3 JSON writer may add', async () => {
    const res = await call(`${codec(api)}/decode`, 'POST', {
      payloads: [{ ...jsonPayload(1), externalPayloads: [] }],
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { payloads: [jsonPayload(1)] });
  });

  test('decode passes payloads that are not encrypted through unchanged', async () => {
    const payloads = [jsonPayload(customer), { metadata: { encoding: b64('binary/null') }, data: '' }];
    const res = await call(`${codec(api)}/decode`, 'POST', { payloads }, headers);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { payloads });
  });

  test('decode of a payload encrypted with a key that is not configured is a 400 naming that key id, not ours', async () => {
    const [retired] = parsePayloadKeys(generatePayloadKeyEntry('retired-1'));
    assert.ok(retired);
    const [foreign] = await new AesGcmPayloadCodec([retired]).encode([defaultPayloadConverter.toPayload(customer)]);
    assert.ok(foreign);
    const res = await call(`${codec(api)}/decode`, 'POST', { payloads: [jsonPayload('fine'), toJson(foreign)] });
    assert.equal(res.status, 400);
    assert.equal(res.body.errors.length, 1);
    assert.equal(res.body.errors[0].field, 'payloads[1]');
    assert.match(res.body.errors[0].reason, /key "retired-1", which is not configured/);
    assert.doesNotMatch(JSON.stringify(res.body), /test-1/, "the configured key ids are not the caller's to know");
  });

  test('bad bodies are a 400 with the field and the reason, like every other route', async () => {
    const cases: [unknown, string, RegExp][] = [
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
        const res = await call(`${codec(api)}/${route}`, 'POST', body);
        assert.equal(res.status, 400, `${route} ${JSON.stringify(body)}`);
        const error = (res.body.errors as { field: string; reason: string }[]).find((e) => e.field === field);
        assert.ok(error, `${route} ${JSON.stringify(body)}: no error for ${field} in ${JSON.stringify(res.body)}`);
        assert.match(error.reason, reason);
      }
    }
    const malformed = await call(`${codec(api)}/decode`, 'POST', '{"payloads": [');
    assert.equal(malformed.status, 400);
  });
});

describe('CORS of the codec endpoint', () => {
  test('a preflight from the Temporal UI origin is answered with the headers the UI sends', async () => {
    for (const route of ['encode', 'decode']) {
      const res = await preflight(`${codec(api)}/${route}`, UI_ORIGIN);
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), UI_ORIGIN);
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
      for (const header of ['x-namespace', 'content-type', 'authorization'])
        assert.ok(allowed.includes(header), header);
    }
    const res = await preflight(`${codec(api)}/decode`, 'http://127.0.0.1:8233');
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8233');
  });

  test('a preflight from any other origin is refused, and answers to it carry no CORS headers', async () => {
    const res = await preflight(`${codec(api)}/decode`, 'https://evil.example.com');
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    const post = await call(`${codec(api)}/decode`, 'POST', { payloads: [] }, { origin: 'https://evil.example.com' });
    assert.equal(post.headers.get('access-control-allow-origin'), null);
    const fromUi = await call(`${codec(api)}/decode`, 'POST', { payloads: [] }, { origin: UI_ORIGIN });
    assert.equal(fromUi.status, 200);
    assert.equal(fromUi.headers.get('access-control-allow-origin'), UI_ORIGIN);
  });

  test('the rest of the API stays without CORS', async () => {
    const res = await preflight(`${api.url}/checkouts`, UI_ORIGIN);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });
});

describe('the codec on a listener of its own', () => {
  test('the public port does not decode: 404 for every API client, the one with the key too', async () => {
    const encrypted = (await call(`${codec(api)}/encode`, 'POST', { payloads: [jsonPayload(customer)] })).body;
    for (const [running, headers] of [
      [api, {}],
      [guarded, { 'x-api-key': KEY }],
      [guarded, { authorization: `Bearer ${KEY}` }],
    ] as const) {
      const res = await call(`${running.url}/codec/decode`, 'POST', encrypted, headers);
      assert.equal(res.status, 404);
      assert.doesNotMatch(JSON.stringify(res.body), /grace/i);
    }
  });

  test('the codec listener serves nothing but the codec', async () => {
    assert.equal(
      (await call(`${new URL(codec(api)).origin}/checkouts`, 'POST', checkoutBody(uniqueId('co')))).status,
      404,
    );
    assert.equal((await call(`${new URL(codec(api)).origin}/health`, 'GET')).status, 404);
  });

  test('an empty CODEC_ADDRESS serves no codec at all', async () => {
    const quiet = await startApi(env.client, { CODEC_ADDRESS: '' });
    try {
      assert.equal(quiet.codecUrl, undefined);
      assert.equal((await call(`${quiet.url}/codec/decode`, 'POST', { payloads: [] })).status, 404);
    } finally {
      await quiet.close();
    }
  });
});

describe('the codec with CODEC_AUTH_TOKEN set', () => {
  test('refuses calls without the token, and the API key does not stand in for it', async () => {
    for (const headers of [
      {},
      { authorization: `Bearer ${KEY}` },
      { 'x-api-key': KEY },
      { authorization: 'Bearer nope' },
    ] as Record<string, string>[]) {
      for (const route of ['encode', 'decode']) {
        const res = await call(`${codec(guarded)}/${route}`, 'POST', { payloads: [] }, headers);
        assert.equal(res.status, 401, `${route} ${JSON.stringify(headers)}`);
      }
    }
  });

  test('accepts the token as Authorization: Bearer, as the CLI sends it with --codec-auth', async () => {
    const payloads = [jsonPayload(customer)];
    const auth = { authorization: `Bearer ${TOKEN}` };
    const encoded = await call(`${codec(guarded)}/encode`, 'POST', { payloads }, auth);
    assert.equal(encoded.status, 200);
    const decoded = await call(`${codec(guarded)}/decode`, 'POST', encoded.body, auth);
    assert.deepEqual(decoded.body, { payloads });
  });

  test('answers the preflight without the token: browsers never send credentials on it', async () => {
    const res = await preflight(`${codec(guarded)}/decode`, UI_ORIGIN);
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), UI_ORIGIN);
  });
});

describe('the audit log of decode calls', () => {
  const logs = new RecordingLogger();
  let audited: RunningApi;
  // Started last: Nest's Logger is process-wide, the app started last logs for all.
  before(async () => {
    audited = await startApi(env.client, {}, undefined, logs);
  });
  after(async () => audited?.close());

  test('each decode logs who asked and how many payloads, never what they hold', async () => {
    const encoded = await call(`${codec(audited)}/encode`, 'POST', {
      payloads: [jsonPayload(customer), jsonPayload(2)],
    });
    const before = logs.lines.length;
    const res = await call(`${codec(audited)}/decode`, 'POST', encoded.body, {
      origin: UI_ORIGIN,
      'x-namespace': 'default',
    });
    assert.equal(res.status, 200);
    const lines = logs.lines.slice(before).filter((line) => line.startsWith('[CodecAudit]'));
    assert.equal(lines.length, 1, logs.lines.slice(before).join('\n'));
    assert.match(lines[0] ?? '', /decode of 2 payloads \(2 encrypted\) from \S*127\.0\.0\.1/);
    assert.match(lines[0] ?? '', /origin "http:\/\/localhost:8233", namespace "default"/);
    const everything = logs.lines.join('\n');
    for (const secret of [
      customer.email,
      customer.name,
      ...(encoded.body.payloads as { data: string }[]).map((p) => p.data),
    ])
      assert.ok(!everything.includes(secret), `the log holds ${secret.slice(0, 20)}…`);
  });

  test('a decode that fails is on record too, with how many payloads were refused', async () => {
    const before = logs.lines.length;
    const forged = {
      metadata: { encoding: b64('binary/encrypted'), 'encryption-key-id': b64('test-1') },
      data: b64('x'.repeat(40)),
    };
    assert.equal((await call(`${codec(audited)}/decode`, 'POST', { payloads: [forged] })).status, 400);
    assert.match(logs.lines.slice(before).join('\n'), /\[CodecAudit\] decode of 1 payloads \(1 encrypted, 1 refused\)/);
  });
});
