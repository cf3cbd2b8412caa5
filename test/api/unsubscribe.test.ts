import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { workflowIdFor } from '../../common/messages';
import { call, checkoutBody, type RunningApi, startApi, startTemporal, uniqueId } from './support/api-harness';

let env: TestWorkflowEnvironment;
let api: RunningApi;

before(async () => {
  env = await startTemporal();
  api = await startApi(env.client);
});

after(async () => {
  await api?.close();
  await env?.teardown();
});

async function cancelRequested(checkoutId: string): Promise<boolean> {
  const history = await env.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
  return history.events?.some((e) => e.workflowExecutionCancelRequestedEventAttributes) ?? false;
}

async function startCheckout(): Promise<string> {
  const checkoutId = uniqueId('co');
  assert.equal((await call(`${api.url}/checkouts`, 'POST', checkoutBody(checkoutId))).status, 202);
  return checkoutId;
}

test('GET /unsubscribe shows a form that posts back, and changes nothing', async () => {
  const checkoutId = await startCheckout();
  const res = await fetch(`${api.url}/unsubscribe?checkout=${checkoutId}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  const html = await res.text();
  assert.match(html, new RegExp(`<form method="post" action="/unsubscribe\\?checkout=${checkoutId}">`));
  assert.equal(await cancelRequested(checkoutId), false);
});

test('a one-click POST /unsubscribe cancels the checkout and confirms in HTML', async () => {
  const checkoutId = await startCheckout();
  const res = await fetch(`${api.url}/unsubscribe?checkout=${checkoutId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  assert.equal(res.status, 200);
  assert.match(await res.text(), /You will receive no more reminders for this checkout\./);
  assert.equal(await cancelRequested(checkoutId), true);
});

test('an unknown checkout is a 404 page and a malformed link a 400 page, never a stack trace', async () => {
  const unknown = await fetch(`${api.url}/unsubscribe?checkout=${uniqueId('nope')}`, { method: 'POST' });
  assert.equal(unknown.status, 404);
  const unknownHtml = await unknown.text();
  assert.match(unknownHtml, /<html/);
  assert.doesNotMatch(unknownHtml, /at .*\.js:\d+/);

  for (const query of ['', '?checkout=', '?checkout=%22%3E%3Cscript%3E']) {
    const res = await fetch(`${api.url}/unsubscribe${query}`);
    assert.equal(res.status, 400, query);
    assert.doesNotMatch(await res.text(), /<script>/);
  }
});
