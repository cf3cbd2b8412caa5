var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Scenario: hostile input. Property-based fuzzing (fast-check) of every API body with arbitrary
// JSON, malformed text and near-valid mutations of valid bodies: the answer is always a 2xx or a
// 4xx that gives a reason, never a 5xx; and no workflow the fuzzing started fails or has a failing
// workflow task. Bounded to RUNS requests per route.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const fast_check_1 = __importDefault(require('fast-check'));
const messages_1 = require('../../common/messages');
const checkouts_1 = require('./support/checkouts');
const fault_stack_1 = require('./support/fault-stack');
const hostile_bodies_1 = require('./support/hostile-bodies');
const processes_1 = require('./support/processes');
const RUNS = Number(process.env.FUZZ_RUNS || 200);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
(0, node_test_1.describe)('hostile input to every API body', { timeout: 300_000 }, () => {
  let stack;
  /** Running checkouts the activity and schedule routes aim at; orders never reach them. */
  let targets = [];
  const started = new Set();
  const problems = [];
  (0, node_test_1.before)(async () => {
    stack = await fault_stack_1.FaultStack.start();
    targets = [];
    for (let i = 0; i < 3; i++) {
      const id = `fz-target-${i}-${Date.now().toString(36)}`;
      const res = await stack.request(
        'POST',
        '/checkouts',
        (0, checkouts_1.faultCheckoutBody)(id, [{ after: '1h' }, { after: '2h' }]),
      );
      strict_1.default.equal(res.status, 202);
      targets.push(id);
      started.add((0, messages_1.workflowIdFor)(id));
    }
  });
  (0, node_test_1.after)(async () => {
    await stack?.close();
  });
  /** The answer must be a 2xx, or a 4xx whose body gives a reason; anything else is recorded as a problem. */
  async function send(method, path, raw) {
    const res = await fetch(`${stack.api.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: raw,
    });
    const text = await res.text();
    let body = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    const reason = body ?? {};
    const explained =
      (typeof reason.message === 'string' && reason.message !== '') ||
      (Array.isArray(reason.message) && reason.message.length > 0) ||
      (Array.isArray(reason.errors) && reason.errors.length > 0);
    const ok = (res.status >= 200 && res.status < 300) || (res.status >= 400 && res.status < 500 && explained);
    if (!ok) problems.push(`${method} ${path} ${raw.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`);
    return { status: res.status, body, headers: res.headers };
  }
  const pathId = () =>
    fast_check_1.default.oneof(
      { weight: 4, arbitrary: fast_check_1.default.constantFrom(...targets) },
      { weight: 2, arbitrary: hostile_bodies_1.shortId },
      {
        weight: 2,
        arbitrary: fast_check_1.default.oneof(
          fast_check_1.default.string({ minLength: 1 }).map(encodeURIComponent),
          fast_check_1.default.constantFrom(
            '%2e%2e',
            'a%00b',
            'a'.repeat(200),
            'co%2F1',
            '%F0%9F%98%80',
            '%E0%A4%A',
            'a%20b',
          ),
        ),
      },
    );
  async function run(name, property) {
    const before = problems.length;
    const t0 = Date.now();
    await fast_check_1.default.assert(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });
    console.log(`${name}: ${RUNS} runs in ${Date.now() - t0} ms`);
    strict_1.default.deepEqual(problems.slice(before), [], `${name} answered a 5xx or an unexplained error`);
  }
  (0, node_test_1.test)('POST /checkouts answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = hostile_bodies_1.shortId.chain((id) =>
      (0, hostile_bodies_1.nearValid)((0, checkouts_1.faultCheckoutBody)(id, [{ after: '1s' }, { after: '3s' }])),
    );
    await run(
      'POST /checkouts',
      fast_check_1.default.asyncProperty((0, hostile_bodies_1.bodies)(valid), async (raw) => {
        const res = await send('POST', '/checkouts', raw);
        if (res.status === 202) started.add(res.body.workflowId);
        return res.status < 500;
      }),
    );
  });
  (0, node_test_1.test)('POST /checkouts/:id/activity answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = (0, hostile_bodies_1.nearValid)({ at: new Date().toISOString() });
    await run(
      'POST /checkouts/:id/activity',
      fast_check_1.default.asyncProperty(
        pathId(),
        (0, hostile_bodies_1.bodies)(valid),
        async (id, raw) => (await send('POST', `/checkouts/${id}/activity`, raw)).status < 500,
      ),
    );
  });
  (0, node_test_1.test)('PUT /checkouts/:id/schedule answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = (0, hostile_bodies_1.nearValid)({
      schedule: [{ after: '30m' }, { after: '1h', template: 'cart', channel: 'email' }],
    });
    await run(
      'PUT /checkouts/:id/schedule',
      fast_check_1.default.asyncProperty(
        pathId(),
        (0, hostile_bodies_1.bodies)(valid),
        async (id, raw) => (await send('PUT', `/checkouts/${id}/schedule`, raw)).status < 500,
      ),
    );
  });
  (0, node_test_1.test)('POST /orders answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = fast_check_1.default
      .tuple(hostile_bodies_1.shortId, hostile_bodies_1.shortId)
      .chain(([checkoutId, orderId]) => (0, hostile_bodies_1.nearValid)({ checkoutId, orderId, total: 59.9 }));
    await run(
      'POST /orders',
      fast_check_1.default.asyncProperty((0, hostile_bodies_1.bodies)(valid), async (raw) => {
        const res = await send('POST', '/orders', raw);
        if (res.status === 202) started.add((0, messages_1.workflowIdFor)(res.body.checkoutId));
        return res.status < 500;
      }),
    );
  });
  (0, node_test_1.test)('POST /api/checkout answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = hostile_bodies_1.shortId.chain((id) =>
      (0, hostile_bodies_1.nearValid)({ email_id: `${id}@shoppers.example.com` }),
    );
    await run(
      'POST /api/checkout',
      fast_check_1.default.asyncProperty((0, hostile_bodies_1.bodies)(valid), async (raw) => {
        const res = await send('POST', '/api/checkout', raw);
        if (res.status === 200) started.add((0, messages_1.workflowIdFor)(res.body.order_id));
        return res.status < 500;
      }),
    );
  });
  (0, node_test_1.test)('POST /api/order answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = hostile_bodies_1.shortId.chain((id) =>
      (0, hostile_bodies_1.nearValid)({ order_id: `legacy-${id}`, email_id: `${id}@shoppers.example.com` }),
    );
    await run(
      'POST /api/order',
      fast_check_1.default.asyncProperty((0, hostile_bodies_1.bodies)(valid), async (raw) => {
        const parsed = (() => {
          try {
            return JSON.parse(raw);
          } catch {
            return undefined;
          }
        })();
        const res = await send('POST', '/api/order', raw);
        if (res.status === 200 && typeof parsed?.order_id === 'string')
          started.add((0, messages_1.workflowIdFor)(parsed.order_id));
        return res.status < 500;
      }),
    );
  });
  (0, node_test_1.test)('no workflow the fuzzing started failed or had a failing workflow task', async () => {
    // Everything on the task queue, not only what the answers named.
    for await (const wf of stack.client.workflow.list({ query: `TaskQueue = '${stack.taskQueue}'` }))
      started.add(wf.workflowId);
    const ids = [...started];
    // Checkouts whose first reminder is far off sit in their start delay, not yet run: a cancel
    // ends the delay, so their first task runs now (input validation included).
    for (const id of ids) {
      const events = await stack.eventTypes(id);
      if (!events.includes('EVENT_TYPE_WORKFLOW_TASK_SCHEDULED')) {
        await stack.client.workflow
          .getHandle(id)
          .cancel()
          .catch(() => undefined); // closed meanwhile
      }
    }
    // Let every first workflow task run, and the 1 s / 3 s reminders of fuzzed checkouts go out.
    await stack.waitUntil(
      `the first workflow task of all ${ids.length} workflows completed`,
      async () => {
        const pending = [];
        for (const id of ids) {
          const events = await stack.eventTypes(id);
          if (
            !events.some((e) => e === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED' || e === 'EVENT_TYPE_WORKFLOW_TASK_FAILED')
          ) {
            pending.push(id);
          }
        }
        return pending;
      },
      (pending) => pending.length === 0,
      60_000,
    );
    await (0, processes_1.pause)(4_000);
    const broken = {};
    for (const id of ids) {
      const events = await stack.brokenEvents(id);
      if (events.length > 0) broken[id] = events;
    }
    console.log(
      `${ids.length} workflows started by the fuzzing; ${stack.ses.count} SES requests; broken: ${Object.keys(broken).length}`,
    );
    strict_1.default.deepEqual(broken, {});
  });
});
//# sourceMappingURL=hostile-input.fault.js.map
