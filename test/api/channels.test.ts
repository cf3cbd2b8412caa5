// Checkouts that reach customers beyond email: a phone number, a browser push subscription, and
// steps naming channel lists. Validated at the edge with the field named; carried into the
// workflow input as plain data.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CheckoutRecoveryInput } from '../../common/checkout';
import { workflowIdFor } from '../../common/messages';
import { decodeRaw } from '../support/payload-keys';
import { call, checkoutBody, startApi, uniqueId, useApi } from './support/api-harness';

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

describe('POST /checkouts: push endpoints that aim inside a network are refused (SSRF)', () => {
  const withEndpoint = (endpoint: string) =>
    checkoutBody(uniqueId('co-ssrf'), { customer: customer({ pushSubscription: { ...SUBSCRIPTION, endpoint } }) });

  test('http, loopback, private, link-local, CGNAT, unique-local, mapped, multicast and internal names get a 400 naming the endpoint', async () => {
    for (const endpoint of [
      'http://push.example.net/send/abc',
      'https://127.0.0.1:8007/push/x',
      'https://localhost/push/x',
      'https://10.0.0.5/push/x',
      'https://192.168.1.1/push/x',
      'https://169.254.169.254/latest/meta-data/',
      'https://100.64.0.1/push/x',
      'https://0.0.0.0/push/x',
      'https://[::1]/push/x',
      'https://[fd00::1]/push/x',
      'https://[::ffff:10.0.0.1]/push/x',
      'https://224.0.0.1/push/x',
      'https://metadata.google.internal/push/x',
    ]) {
      const res = await call(`${api.url}/checkouts`, 'POST', withEndpoint(endpoint));
      assert.equal(res.status, 400, endpoint);
      assert.deepEqual(
        res.body.errors.map((e: { field: string }) => e.field),
        ['customer.pushSubscription.endpoint'],
        endpoint,
      );
    }
  });

  test('the local push service on loopback is accepted only with PUSH_ALLOW_LOOPBACK=on (development, tests)', async () => {
    const local = 'http://127.0.0.1:8007/push/abc';
    assert.equal((await call(`${api.url}/checkouts`, 'POST', withEndpoint(local))).status, 400);
    const dev = await startApi(api.client, { PUSH_ALLOW_LOOPBACK: 'on' });
    try {
      const res = await call(`${dev.url}/checkouts`, 'POST', withEndpoint(local));
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const privateOne = await call(`${dev.url}/checkouts`, 'POST', withEndpoint('http://10.0.0.5/push/x'));
      assert.equal(privateOne.status, 400, 'a private address stays refused in development');
    } finally {
      await dev.close();
    }
  });
});
