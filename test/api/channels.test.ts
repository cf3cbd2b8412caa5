// Checkouts that reach customers beyond email: a phone number, a browser push subscription, and
// steps naming channel lists. Validated at the edge with the field named; carried into the
// workflow input as plain data.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CheckoutRecoveryInput } from '../../common/checkout';
import { workflowIdFor } from '../../common/messages';
import { decodeRaw } from '../support/payload-keys';
import { call, checkoutBody, uniqueId, useApi } from './support/api-harness';

const api = useApi();

// A real browser's shape: a 65-byte P-256 point and a 16-byte secret, base64url.
const SUBSCRIPTION = {
  endpoint: 'https://push.example.net/send/abc123',
  expirationTime: null,
  keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'q1w2e3r4t5y6u7i8o9p0aZ' },
};
const customer = (extra: Record<string, unknown>) => ({ id: 'c-42', email: 'ada@example.com', ...extra });

async function workflowInput(checkoutId: string): Promise<CheckoutRecoveryInput> {
  const history = await api.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  assert.ok(payload, 'the checkout was started with an input');
  return decodeRaw<CheckoutRecoveryInput>(payload);
}

describe('POST /checkouts with phone, push subscription and channel lists', () => {
  test('a phone, a push subscription and ["push","sms","email"] reach the workflow input', async () => {
    const checkoutId = uniqueId('co-ch');
    const res = await call(
      `${api.url}/checkouts`,
      'POST',
      checkoutBody(checkoutId, {
        customer: customer({ phone: '+14155550123', pushSubscription: SUBSCRIPTION }),
        schedule: [
          { after: '30m', channel: ['push', 'sms', 'email'] },
          { after: '1d', channel: 'sms' },
          { after: '3d' },
        ],
      }),
    );
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const input = await workflowInput(checkoutId);
    assert.equal(input.checkout.customer.phone, '+14155550123');
    assert.deepEqual(input.checkout.customer.pushSubscription, {
      endpoint: SUBSCRIPTION.endpoint,
      keys: SUBSCRIPTION.keys,
    });
    assert.deepEqual(
      input.schedule.map((s) => [s.channel, s.channels]),
      [
        ['push', ['push', 'sms', 'email']],
        ['sms', undefined],
        ['email', undefined],
      ],
    );
    assert.deepEqual(input.policy?.smsRules, { maxTexts: 1, within: '48h' }, 'the default SMS rules travel along');
  });

  test('a phone that is not E.164 and a broken push subscription are named field by field', async () => {
    const res = await call(
      `${api.url}/checkouts`,
      'POST',
      checkoutBody(uniqueId('co-ch'), {
        customer: customer({
          phone: '0170 1234567',
          pushSubscription: { endpoint: 'ftp://push.example.net/x', keys: { p256dh: 'short', auth: 'not base64url!' } },
        }),
      }),
    );
    assert.equal(res.status, 400);
    assert.deepEqual((res.body.errors as Array<{ field: string }>).map((e) => e.field).sort(), [
      'customer.phone',
      'customer.pushSubscription.endpoint',
      'customer.pushSubscription.keys.auth',
      'customer.pushSubscription.keys.p256dh',
    ]);
  });

  test('a channel list with an unknown or repeated channel, or none, names the entry', async () => {
    const res = await call(
      `${api.url}/checkouts`,
      'POST',
      checkoutBody(uniqueId('co-ch'), {
        schedule: [
          { after: '30m', channel: ['sms', 'fax'] },
          { after: '1h', channel: ['email', 'email'] },
          { after: '2h', channel: [] },
        ],
      }),
    );
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.errors, [
      { field: 'schedule[0].channel[1]', reason: 'must be one of email, sms, push' },
      { field: 'schedule[1].channel[1]', reason: 'is listed twice' },
      { field: 'schedule[2].channel', reason: 'must name at least one channel' },
    ]);
  });
});
