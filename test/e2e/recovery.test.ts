import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkoutEventsSignal, workflowIdFor } from '../../common/messages';
import { CheckoutStatusKey, CheckoutStepKey, CustomerIdKey } from '../../common/search-attributes';
import { checkoutBody, uniqueId } from '../api/support/api-harness';
import { signedLinkIn } from '../support/links';
import { decodeRaw } from '../support/payload-keys';
import { pause, Stack } from './stack';

const SECONDS_SCHEDULE = [{ after: '1s' }, { after: '2s' }, { after: '3s' }];

describe('checkout recovery end to end (HTTP → Temporal → SES)', () => {
  let stack: Stack;
  before(async () => {
    stack = await Stack.start();
  });
  after(async () => {
    await stack?.close();
  });

  const body = (id: string, extra: Record<string, unknown> = {}) =>
    checkoutBody(id, { customer: { id: 'c-e2e', email: `${id}@shoppers.example.com`, locale: 'en-US' }, ...extra });

  test('a checkout with a seconds-long schedule delivers exactly its three reminders, then expires', async () => {
    const id = uniqueId('co');
    const started = await stack.request('POST', '/checkouts', body(id, { schedule: SECONDS_SCHEDULE }));
    assert.equal(started.status, 202);
    assert.equal(started.body.workflowId, workflowIdFor(id));
    assert.equal(started.body.created, true);
    const status = await stack.waitForStatus(id, (s) => s.state === 'expired');
    assert.equal(status.remindersSent, 3);
    const mails = await stack.inbox.messagesTo(`${id}@shoppers.example.com`);
    assert.equal(mails.length, 3);
    assert.deepEqual(mails.map((m) => m.messageId).sort(), status.reminders.map((r) => r.messageId).sort());
    assert.equal(new Set(mails.map((m) => m.subject)).size, 3, 'three different templates');
    for (const mail of mails) {
      // The button goes through the API, which redirects to the shop.
      const resume = signedLinkIn(mail.body.text, 'resume');
      assert.ok(resume.url.startsWith(`${stack.api.url}/r/`));
      const followed = await fetch(resume.url, { redirect: 'manual' });
      assert.equal(followed.status, 302);
      assert.equal(followed.headers.get('location'), `https://shop.example.com/checkout/${id}`);
    }
  });

  test("the signed unsubscribe link of a reminder, posted one-click, stops all the customer's checkouts and later ones", async () => {
    // A customer of its own: the opt-out is for the customer, and would silence the other tests.
    const customer = { id: uniqueId('cust'), locale: 'en-US' };
    const mailOf = (id: string) => `${id}@shoppers.example.com`;
    const start = (id: string, schedule: unknown[]) =>
      stack.request('POST', '/checkouts', checkoutBody(id, { customer: { ...customer, email: mailOf(id) }, schedule }));
    const id = uniqueId('co');
    const sibling = uniqueId('co'); // another running checkout of the same customer
    assert.equal((await start(id, [{ after: '1s' }, { after: '8s' }])).status, 202);
    assert.equal((await start(sibling, [{ after: '9s' }])).status, 202);
    await stack.waitForStatus(id, (s) => s.remindersSent === 1);
    const [mail] = await stack.inbox.messagesTo(mailOf(id));
    const unsubscribe = signedLinkIn(mail?.body.html, 'unsubscribe');
    assert.equal(unsubscribe.claims.checkoutId, id);
    // The headers as the message went out: one-click unsubscribe (RFC 8058) with the same signed URL.
    const headers = await stack.inbox.headersOf(mail?.messageId ?? '');
    assert.equal(headers.get('list-unsubscribe'), `<${unsubscribe.url.replace(/&amp;/g, '&')}>`);
    assert.equal(headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    const clicked = Date.now();
    const page = await fetch(unsubscribe.url.replace(/&amp;/g, '&'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(page.status, 200);
    const status = await stack.waitForStatus(id, (s) => s.state === 'unsubscribed');
    assert.ok(Date.now() - clicked < 1_500, `stopped ${Date.now() - clicked} ms after the click`);
    assert.equal(status.remindersSent, 1);
    // The sibling is still in its start delay: its status says so at once, and it never sends.
    assert.equal((await stack.waitForStatus(sibling, (s) => s.state === 'unsubscribed', 2_000)).remindersSent, 0);
    const prefs = await stack.request('GET', `/customers/${customer.id}/preferences`);
    assert.equal(prefs.body.optedOut, true);
    // A checkout started after the opt-out sends nothing either.
    const later = uniqueId('co');
    assert.equal((await start(later, [{ after: '1s' }])).status, 202);
    assert.equal((await stack.waitForStatus(later, (s) => s.state === 'unsubscribed')).remindersSent, 0);
    await pause(9_000); // past where the other reminders were due
    assert.equal((await stack.inbox.messagesTo(mailOf(id))).length, 1);
    assert.equal((await stack.inbox.messagesTo(mailOf(sibling))).length, 0);
    assert.equal((await stack.inbox.messagesTo(mailOf(later))).length, 0);
  });

  test('an order over HTTP stops the remaining reminders and sends the confirmation', async () => {
    const id = uniqueId('co');
    const schedule = [{ after: '1s' }, { after: '4s' }, { after: '5s' }];
    assert.equal((await stack.request('POST', '/checkouts', body(id, { schedule }))).status, 202);
    await stack.waitForStatus(id, (s) => s.remindersSent === 1);
    const ordered = await stack.request('POST', '/orders', { checkoutId: id, orderId: 'ord-77', total: 59.9 });
    assert.equal(ordered.status, 202);
    // Acknowledged by the workflow itself: ordered, and no reminder send in flight any more.
    assert.equal(ordered.body.confirmed, true);
    assert.equal(ordered.body.status, 'ordered');
    const status = await stack.waitForStatus(id, (s) => s.state === 'ordered' && s.order?.confirmation !== undefined);
    assert.equal(status.order?.afterStep, 1);
    await pause(5_000); // past where reminders 2 and 3 were due
    const mails = await stack.inbox.messagesTo(`${id}@shoppers.example.com`);
    assert.equal(mails.length, 2, 'reminder 1 and the order confirmation only');
  });

  test("the workflow's rejections reach the caller by type: a schedule invalid after the steps run is a 400, an ordered checkout a 409", async () => {
    const id = uniqueId('co');
    assert.equal(
      (await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }, { after: '1h' }] }))).status,
      202,
    );
    await stack.waitForStatus(id, (s) => s.remindersSent === 1);
    // Valid on its own, but reminder 1 already ran at 1s: the workflow's validator rejects it.
    const invalid = await stack.request('PUT', `/checkouts/${id}/schedule`, { schedule: [{ after: '1s' }] });
    assert.equal(invalid.status, 400);
    assert.match(invalid.body.message, /1 already ran, the last at 1s/);
    assert.ok(invalid.body.correlationId, 'the error carries its correlation id');
    assert.equal((await stack.request('POST', '/orders', { checkoutId: id, orderId: `ord-${id}` })).status, 202);
    const closed = await stack.request('PUT', `/checkouts/${id}/schedule`, { schedule: [{ after: '2h' }] });
    assert.equal(closed.status, 409);
    assert.equal(closed.body.message, 'checkout is already ordered');
  });

  test('starting the same checkout twice starts one workflow and sends each reminder once', async () => {
    const id = uniqueId('co');
    const first = await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }] }));
    const second = await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }] }));
    assert.equal(first.body.created, true);
    assert.equal(second.status, 202);
    assert.equal(second.body.created, false);
    assert.equal(second.body.workflowId, first.body.workflowId);
    await stack.waitForStatus(id, (s) => s.state === 'expired');
    const again = await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }] }));
    assert.equal(again.body.created, false, 'a closed checkout is not started again');
    await pause(1_500);
    assert.equal((await stack.inbox.messagesTo(`${id}@shoppers.example.com`)).length, 1);
  });

  test('an order that arrives before its checkout means the checkout sends nothing', async () => {
    const id = uniqueId('co');
    assert.equal((await stack.request('POST', '/orders', { checkoutId: id, orderId: 'ord-early' })).status, 202);
    const late = await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }] }));
    assert.equal(late.status, 202);
    assert.equal(late.body.status, 'ordered');
    await pause(2_000);
    assert.equal((await stack.inbox.messagesTo(`${id}@shoppers.example.com`)).length, 0);
  });

  test('bad bodies get 400 naming the field, and nothing is started', async () => {
    const id = uniqueId('co');
    const bad = await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: 'tomorrow' }] }));
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.some((e: { field: string }) => e.field === 'schedule[0].after'));
    assert.equal((await stack.request('GET', `/checkouts/${id}`)).status, 404);
  });

  test('search attributes follow the checkout, so the UI can filter by customer', async () => {
    const id = uniqueId('co');
    const customer = uniqueId('cust');
    const checkout = body(id, {
      schedule: [{ after: '1s' }, { after: '2s' }],
      customer: { id: customer, email: `${id}@shoppers.example.com` },
    });
    assert.equal((await stack.request('POST', '/checkouts', checkout)).status, 202);
    await stack.waitForStatus(id, (s) => s.state === 'expired');
    const described = await stack.env.client.workflow.getHandle(workflowIdFor(id)).describe();
    assert.equal(described.typedSearchAttributes.get(CustomerIdKey), customer);
    // Not upserted any more (an Action each): the list reads the state from the workflow's result.
    assert.equal(described.typedSearchAttributes.get(CheckoutStatusKey), undefined);
    let listed: { checkoutId: string; status: string; remindersSent: number }[] = [];
    for (let i = 0; i < 50 && listed.length === 0; i++) {
      listed = (await stack.request('GET', `/customers/${customer}/checkouts`)).body;
      if (listed.length === 0) await pause(200); // visibility is eventually consistent
    }
    assert.deepEqual(
      listed.map((c) => [c.checkoutId, c.status, c.remindersSent]),
      [[id, 'expired', 2]],
    );
  });

  test('a custom step reaches the CheckoutStep search attribute only as a slug: 400 at the edge, "custom" from any other client', async () => {
    const id = uniqueId('co');
    const schedule = [{ after: '1s' }, { after: '1h' }];
    assert.equal((await stack.request('POST', '/checkouts', body(id, { schedule }))).status, 202);
    await stack.waitForStatus(id, (s) => s.remindersSent === 1); // running: past its start delay
    const at = new Date().toISOString();
    const free = await stack.request('POST', `/checkouts/${id}/events`, {
      events: [{ type: 'custom', at, name: 'Ada Lovelace, ada@example.com' }],
    });
    assert.equal(free.status, 400);
    assert.deepEqual(
      free.body.errors.map((e: { field: string }) => e.field),
      ['events[0].name'],
    );
    const handle = stack.env.client.workflow.getHandle(workflowIdFor(id));
    const stepNow = async (want: string) => {
      for (let i = 0; i < 50; i++) {
        const step = (await handle.describe()).typedSearchAttributes.get(CheckoutStepKey);
        if (step === want) return step;
        await pause(100);
      }
      return (await handle.describe()).typedSearchAttributes.get(CheckoutStepKey);
    };
    const slug = await stack.request('POST', `/checkouts/${id}/events`, {
      events: [{ type: 'custom', at, name: 'gift_wrap_chosen' }],
    });
    assert.equal(slug.status, 202, JSON.stringify(slug.body));
    assert.equal(await stepNow('gift_wrap_chosen'), 'gift_wrap_chosen');
    // Another client signals free text: the workflow publishes it as "custom", never as given.
    await handle.signal(checkoutEventsSignal, {
      events: [{ type: 'custom', at, name: 'Ada Lovelace, ada@example.com' }],
    });
    assert.equal(await stepNow('custom'), 'custom');
    await stack.request('DELETE', `/checkouts/${id}`);
  });

  test('the Temporal UI timeline reads as a story: workflow, timer and activity summaries', async () => {
    const id = uniqueId('co');
    await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }, { after: '2s' }] }));
    await stack.waitForStatus(id, (s) => s.state === 'expired');
    const history = await stack.env.client.workflow.getHandle(workflowIdFor(id)).fetchHistory();
    // The history is as stored: summaries are encrypted like every other payload.
    const summaries = await Promise.all(
      (history.events ?? [])
        .map((e) => e.userMetadata?.summary)
        .filter((p) => p != null)
        .map((p) => decodeRaw<string>(p)),
    );
    assert.match(summaries[0] ?? '', new RegExp(`^Checkout ${id} · customer c-e2e · .*2 reminders`));
    // The wait for reminder 1 is the start delay, shown on the start event, not a timer.
    const backoff = history.events?.[0]?.workflowExecutionStartedEventAttributes?.firstWorkflowTaskBackoff;
    assert.ok(Number(backoff?.seconds ?? 0) * 1000 + (backoff?.nanos ?? 0) / 1e6 > 900, 'a ~1 s start delay');
    assert.deepEqual(summaries.slice(1), [
      'send reminder 1 by email',
      'wait 1s for reminder 2',
      'send reminder 2 by email',
    ]);
  });

  test("the seed system's routes keep working: /api/checkout then /api/order sends the confirmation", async () => {
    const email = `${uniqueId('legacy')}@shoppers.example.com`;
    const checkout = await stack.request('POST', '/api/checkout', { email_id: email });
    assert.equal(checkout.status, 200);
    assert.ok(checkout.body.order_id);
    const order = await stack.request('POST', '/api/order', { order_id: checkout.body.order_id, email_id: email });
    assert.equal(order.status, 200);
    await stack.waitForStatus(checkout.body.order_id, (s) => s.order?.confirmation?.outcome === 'sent');
    const mails = await stack.inbox.messagesTo(email);
    assert.equal(mails.length, 1, 'only the confirmation: the first reminder was not due yet');
  });
});
