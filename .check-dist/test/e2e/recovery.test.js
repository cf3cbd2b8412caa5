var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const messages_1 = require('../../common/messages');
const search_attributes_1 = require('../../common/search-attributes');
const api_harness_1 = require('../api/support/api-harness');
const links_1 = require('../support/links');
const payload_keys_1 = require('../support/payload-keys');
const stack_1 = require('./stack');
const SECONDS_SCHEDULE = [{ after: '1s' }, { after: '2s' }, { after: '3s' }];
(0, node_test_1.describe)('checkout recovery end to end (HTTP → Temporal → SES)', () => {
  let stack;
  (0, node_test_1.before)(async () => {
    stack = await stack_1.Stack.start();
  });
  (0, node_test_1.after)(async () => {
    await stack?.close();
  });
  const body = (id, extra = {}) =>
    (0, api_harness_1.checkoutBody)(id, {
      customer: { id: 'c-e2e', email: `${id}@shoppers.example.com`, locale: 'en-US' },
      ...extra,
    });
  (0, node_test_1.test)(
    'a checkout with a seconds-long schedule delivers exactly its three reminders, then expires',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      const started = await stack.request('POST', '/checkouts', body(id, { schedule: SECONDS_SCHEDULE }));
      strict_1.default.equal(started.status, 202);
      strict_1.default.equal(started.body.workflowId, (0, messages_1.workflowIdFor)(id));
      strict_1.default.equal(started.body.created, true);
      const status = await stack.waitForStatus(id, (s) => s.state === 'expired');
      strict_1.default.equal(status.remindersSent, 3);
      const mails = await stack.inbox.messagesTo(`${id}@shoppers.example.com`);
      strict_1.default.equal(mails.length, 3);
      strict_1.default.deepEqual(mails.map((m) => m.messageId).sort(), status.reminders.map((r) => r.messageId).sort());
      strict_1.default.equal(new Set(mails.map((m) => m.subject)).size, 3, 'three different templates');
      for (const mail of mails) {
        // The button goes through the API, which redirects to the shop.
        const resume = (0, links_1.signedLinkIn)(mail.body.text, 'resume');
        strict_1.default.ok(resume.url.startsWith(`${stack.api.url}/r/`));
        const followed = await fetch(resume.url, { redirect: 'manual' });
        strict_1.default.equal(followed.status, 302);
        strict_1.default.equal(followed.headers.get('location'), `https://shop.example.com/checkout/${id}`);
      }
    },
  );
  (0, node_test_1.test)(
    "the signed unsubscribe link of a reminder, posted one-click, stops all the customer's checkouts and later ones",
    async () => {
      // A customer of its own: the opt-out is for the customer, and would silence the other tests.
      const customer = { id: (0, api_harness_1.uniqueId)('cust'), locale: 'en-US' };
      const mailOf = (id) => `${id}@shoppers.example.com`;
      const start = (id, schedule) =>
        stack.request(
          'POST',
          '/checkouts',
          (0, api_harness_1.checkoutBody)(id, { customer: { ...customer, email: mailOf(id) }, schedule }),
        );
      const id = (0, api_harness_1.uniqueId)('co');
      const sibling = (0, api_harness_1.uniqueId)('co'); // another running checkout of the same customer
      strict_1.default.equal((await start(id, [{ after: '1s' }, { after: '8s' }])).status, 202);
      strict_1.default.equal((await start(sibling, [{ after: '9s' }])).status, 202);
      await stack.waitForStatus(id, (s) => s.remindersSent === 1);
      const [mail] = await stack.inbox.messagesTo(mailOf(id));
      const unsubscribe = (0, links_1.signedLinkIn)(mail?.body.html, 'unsubscribe');
      strict_1.default.equal(unsubscribe.claims.checkoutId, id);
      // The headers as the message went out: one-click unsubscribe (RFC 8058) with the same signed URL.
      const headers = await stack.inbox.headersOf(mail?.messageId ?? '');
      strict_1.default.equal(headers.get('list-unsubscribe'), `<${unsubscribe.url.replace(/&amp;/g, '&')}>`);
      strict_1.default.equal(headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      const clicked = Date.now();
      const page = await fetch(unsubscribe.url.replace(/&amp;/g, '&'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      strict_1.default.equal(page.status, 200);
      const status = await stack.waitForStatus(id, (s) => s.state === 'unsubscribed');
      strict_1.default.ok(Date.now() - clicked < 1_500, `stopped ${Date.now() - clicked} ms after the click`);
      strict_1.default.equal(status.remindersSent, 1);
      // The sibling is still in its start delay: its status says so at once, and it never sends.
      strict_1.default.equal(
        (await stack.waitForStatus(sibling, (s) => s.state === 'unsubscribed', 2_000)).remindersSent,
        0,
      );
      const prefs = await stack.request('GET', `/customers/${customer.id}/preferences`);
      strict_1.default.equal(prefs.body.optedOut, true);
      // A checkout started after the opt-out sends nothing either.
      const later = (0, api_harness_1.uniqueId)('co');
      strict_1.default.equal((await start(later, [{ after: '1s' }])).status, 202);
      strict_1.default.equal((await stack.waitForStatus(later, (s) => s.state === 'unsubscribed')).remindersSent, 0);
      await (0, stack_1.pause)(9_000); // past where the other reminders were due
      strict_1.default.equal((await stack.inbox.messagesTo(mailOf(id))).length, 1);
      strict_1.default.equal((await stack.inbox.messagesTo(mailOf(sibling))).length, 0);
      strict_1.default.equal((await stack.inbox.messagesTo(mailOf(later))).length, 0);
    },
  );
  (0, node_test_1.test)('an order over HTTP stops the remaining reminders and sends the confirmation', async () => {
    const id = (0, api_harness_1.uniqueId)('co');
    const schedule = [{ after: '1s' }, { after: '4s' }, { after: '5s' }];
    strict_1.default.equal((await stack.request('POST', '/checkouts', body(id, { schedule }))).status, 202);
    await stack.waitForStatus(id, (s) => s.remindersSent === 1);
    const ordered = await stack.request('POST', '/orders', { checkoutId: id, orderId: 'ord-77', total: 59.9 });
    strict_1.default.equal(ordered.status, 202);
    // Acknowledged by the workflow itself: ordered, and no reminder send in flight any more.
    strict_1.default.equal(ordered.body.confirmed, true);
    strict_1.default.equal(ordered.body.status, 'ordered');
    const status = await stack.waitForStatus(id, (s) => s.state === 'ordered' && s.order?.confirmation !== undefined);
    strict_1.default.equal(status.order?.afterStep, 1);
    await (0, stack_1.pause)(5_000); // past where reminders 2 and 3 were due
    const mails = await stack.inbox.messagesTo(`${id}@shoppers.example.com`);
    strict_1.default.equal(mails.length, 2, 'reminder 1 and the order confirmation only');
  });
  (0, node_test_1.test)(
    "the workflow's rejections reach the caller by type: a schedule invalid after the steps run is a 400, an ordered checkout a 409",
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      strict_1.default.equal(
        (await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }, { after: '1h' }] }))).status,
        202,
      );
      await stack.waitForStatus(id, (s) => s.remindersSent === 1);
      // Valid on its own, but reminder 1 already ran at 1s: the workflow's validator rejects it.
      const invalid = await stack.request('PUT', `/checkouts/${id}/schedule`, { schedule: [{ after: '1s' }] });
      strict_1.default.equal(invalid.status, 400);
      strict_1.default.match(invalid.body.message, /1 already ran, the last at 1s/);
      strict_1.default.ok(invalid.body.correlationId, 'the error carries its correlation id');
      strict_1.default.equal(
        (await stack.request('POST', '/orders', { checkoutId: id, orderId: `ord-${id}` })).status,
        202,
      );
      const closed = await stack.request('PUT', `/checkouts/${id}/schedule`, { schedule: [{ after: '2h' }] });
      strict_1.default.equal(closed.status, 409);
      strict_1.default.equal(closed.body.message, 'checkout is already ordered');
    },
  );
  (0, node_test_1.test)(
    'starting the same checkout twice starts one workflow and sends each reminder once',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      const first = await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }] }));
      const second = await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }] }));
      strict_1.default.equal(first.body.created, true);
      strict_1.default.equal(second.status, 202);
      strict_1.default.equal(second.body.created, false);
      strict_1.default.equal(second.body.workflowId, first.body.workflowId);
      await stack.waitForStatus(id, (s) => s.state === 'expired');
      const again = await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }] }));
      strict_1.default.equal(again.body.created, false, 'a closed checkout is not started again');
      await (0, stack_1.pause)(1_500);
      strict_1.default.equal((await stack.inbox.messagesTo(`${id}@shoppers.example.com`)).length, 1);
    },
  );
  (0, node_test_1.test)('an order that arrives before its checkout means the checkout sends nothing', async () => {
    const id = (0, api_harness_1.uniqueId)('co');
    strict_1.default.equal(
      (await stack.request('POST', '/orders', { checkoutId: id, orderId: 'ord-early' })).status,
      202,
    );
    const late = await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }] }));
    strict_1.default.equal(late.status, 202);
    strict_1.default.equal(late.body.status, 'ordered');
    await (0, stack_1.pause)(2_000);
    strict_1.default.equal((await stack.inbox.messagesTo(`${id}@shoppers.example.com`)).length, 0);
  });
  (0, node_test_1.test)('bad bodies get 400 naming the field, and nothing is started', async () => {
    const id = (0, api_harness_1.uniqueId)('co');
    const bad = await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: 'tomorrow' }] }));
    strict_1.default.equal(bad.status, 400);
    strict_1.default.ok(bad.body.errors.some((e) => e.field === 'schedule[0].after'));
    strict_1.default.equal((await stack.request('GET', `/checkouts/${id}`)).status, 404);
  });
  (0, node_test_1.test)('search attributes follow the checkout, so the UI can filter by customer', async () => {
    const id = (0, api_harness_1.uniqueId)('co');
    const customer = (0, api_harness_1.uniqueId)('cust');
    const checkout = body(id, {
      schedule: [{ after: '1s' }, { after: '2s' }],
      customer: { id: customer, email: `${id}@shoppers.example.com` },
    });
    strict_1.default.equal((await stack.request('POST', '/checkouts', checkout)).status, 202);
    await stack.waitForStatus(id, (s) => s.state === 'expired');
    const described = await stack.env.client.workflow.getHandle((0, messages_1.workflowIdFor)(id)).describe();
    strict_1.default.equal(described.typedSearchAttributes.get(search_attributes_1.CustomerIdKey), customer);
    // Not upserted any more (an Action each): the list reads the state from the workflow's result.
    strict_1.default.equal(described.typedSearchAttributes.get(search_attributes_1.CheckoutStatusKey), undefined);
    let listed = [];
    for (let i = 0; i < 50 && listed.length === 0; i++) {
      listed = (await stack.request('GET', `/customers/${customer}/checkouts`)).body;
      if (listed.length === 0) await (0, stack_1.pause)(200); // visibility is eventually consistent
    }
    strict_1.default.deepEqual(
      listed.map((c) => [c.checkoutId, c.status, c.remindersSent]),
      [[id, 'expired', 2]],
    );
  });
  (0, node_test_1.test)(
    'a custom step reaches the CheckoutStep search attribute only as a slug: 400 at the edge, "custom" from any other client',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      const schedule = [{ after: '1s' }, { after: '1h' }];
      strict_1.default.equal((await stack.request('POST', '/checkouts', body(id, { schedule }))).status, 202);
      await stack.waitForStatus(id, (s) => s.remindersSent === 1); // running: past its start delay
      const at = new Date().toISOString();
      const free = await stack.request('POST', `/checkouts/${id}/events`, {
        events: [{ type: 'custom', at, name: 'Ada Lovelace, ada@example.com' }],
      });
      strict_1.default.equal(free.status, 400);
      strict_1.default.deepEqual(
        free.body.errors.map((e) => e.field),
        ['events[0].name'],
      );
      const handle = stack.env.client.workflow.getHandle((0, messages_1.workflowIdFor)(id));
      const stepNow = async (want) => {
        for (let i = 0; i < 50; i++) {
          const step = (await handle.describe()).typedSearchAttributes.get(search_attributes_1.CheckoutStepKey);
          if (step === want) return step;
          await (0, stack_1.pause)(100);
        }
        return (await handle.describe()).typedSearchAttributes.get(search_attributes_1.CheckoutStepKey);
      };
      const slug = await stack.request('POST', `/checkouts/${id}/events`, {
        events: [{ type: 'custom', at, name: 'gift_wrap_chosen' }],
      });
      strict_1.default.equal(slug.status, 202, JSON.stringify(slug.body));
      strict_1.default.equal(await stepNow('gift_wrap_chosen'), 'gift_wrap_chosen');
      // Another client signals free text: the workflow publishes it as "custom", never as given.
      await handle.signal(messages_1.checkoutEventsSignal, {
        events: [{ type: 'custom', at, name: 'Ada Lovelace, ada@example.com' }],
      });
      strict_1.default.equal(await stepNow('custom'), 'custom');
      await stack.request('DELETE', `/checkouts/${id}`);
    },
  );
  (0, node_test_1.test)(
    'the Temporal UI timeline reads as a story: workflow, timer and activity summaries',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      await stack.request('POST', '/checkouts', body(id, { schedule: [{ after: '1s' }, { after: '2s' }] }));
      await stack.waitForStatus(id, (s) => s.state === 'expired');
      const history = await stack.env.client.workflow.getHandle((0, messages_1.workflowIdFor)(id)).fetchHistory();
      // The history is as stored: summaries are encrypted like every other payload.
      const summaries = await Promise.all(
        (history.events ?? [])
          .map((e) => e.userMetadata?.summary)
          .filter((p) => p != null)
          .map((p) => (0, payload_keys_1.decodeRaw)(p)),
      );
      strict_1.default.match(summaries[0] ?? '', new RegExp(`^Checkout ${id} · customer c-e2e · .*2 reminders`));
      // The wait for reminder 1 is the start delay, shown on the start event, not a timer.
      const backoff = history.events?.[0]?.workflowExecutionStartedEventAttributes?.firstWorkflowTaskBackoff;
      strict_1.default.ok(
        Number(backoff?.seconds ?? 0) * 1000 + (backoff?.nanos ?? 0) / 1e6 > 900,
        'a ~1 s start delay',
      );
      strict_1.default.deepEqual(summaries.slice(1), [
        'send reminder 1 by email',
        'wait 1s for reminder 2',
        'send reminder 2 by email',
      ]);
    },
  );
  (0, node_test_1.test)(
    "the seed system's routes keep working: /api/checkout then /api/order sends the confirmation",
    async () => {
      const email = `${(0, api_harness_1.uniqueId)('legacy')}@shoppers.example.com`;
      const checkout = await stack.request('POST', '/api/checkout', { email_id: email });
      strict_1.default.equal(checkout.status, 200);
      strict_1.default.ok(checkout.body.order_id);
      const order = await stack.request('POST', '/api/order', { order_id: checkout.body.order_id, email_id: email });
      strict_1.default.equal(order.status, 200);
      await stack.waitForStatus(checkout.body.order_id, (s) => s.order?.confirmation?.outcome === 'sent');
      const mails = await stack.inbox.messagesTo(email);
      strict_1.default.equal(mails.length, 1, 'only the confirmation: the first reminder was not due yet');
    },
  );
});
//# sourceMappingURL=recovery.test.js.map
