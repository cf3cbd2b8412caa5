// The tokens of links in emails are credentials: a failed request is logged by its path, never with
// the token that came in its URL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LoggerService } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { loggableUrl } from '../../apps/api/http/loggable-url';
import { signLink } from '../../apps/shared/link-token';
import { TEST_LINK_SECRET } from '../support/links';
import { type RunningApi, startApi, startTemporal } from './support/api-harness';

class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(...parts: unknown[]) {
    this.lines.push(parts.map(String).join(' '));
  }
  error(...parts: unknown[]) {
    this.lines.push(parts.map(String).join(' '));
  }
  warn(...parts: unknown[]) {
    this.lines.push(parts.map(String).join(' '));
  }
}

let env: TestWorkflowEnvironment;
let api: RunningApi;
const logs = new RecordingLogger();

before(async () => {
  env = await startTemporal();
  // A namespace the server does not have: every Temporal call fails, as a real outage would.
  api = await startApi(new Client({ connection: env.connection, namespace: 'no-such-namespace' }), {}, undefined, logs);
});

after(async () => {
  await api?.close();
  await env?.teardown();
});

const unsubscribeToken = signLink(
  {
    purpose: 'unsubscribe',
    checkoutId: 'co-1',
    customerId: 'c-42',
    step: 1,
    expiresAt: Math.floor(Date.now() / 1000) + 3_600,
  },
  [TEST_LINK_SECRET],
);

test('a request that fails with a token in its query is logged without the token', async () => {
  const before = logs.lines.length;
  const res = await fetch(`${api.url}/customers/c-42/checkouts?token=${unsubscribeToken}`);
  assert.equal(res.status, 500);
  const logged = logs.lines.slice(before).join('\n');
  assert.match(logged, /GET \/customers\/c-42\/checkouts\?… failed \(correlationId/);
  assert.ok(!logged.includes(unsubscribeToken), `the token is in the log:\n${logged}`);
});

test('an unsubscribe post that fails is logged without the token of its link', async () => {
  const before = logs.lines.length;
  const res = await fetch(`${api.url}/unsubscribe?token=${unsubscribeToken}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `List-Unsubscribe=One-Click&pad=${'x'.repeat(200_000)}`,
  });
  assert.ok(res.status >= 400, `answered ${res.status}`);
  const logged = logs.lines.slice(before).join('\n');
  assert.ok(!logged.includes(unsubscribeToken), `the token is in the log:\n${logged}`);
});

test('a resume link is logged as /r/:token, a query as ?…', () => {
  assert.equal(loggableUrl(`/r/${unsubscribeToken}`), '/r/:token');
  assert.equal(loggableUrl(`/r/${unsubscribeToken}?utm=1`), '/r/:token?…');
  assert.equal(loggableUrl('/checkouts/co-1'), '/checkouts/co-1');
});
