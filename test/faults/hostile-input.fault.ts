// Scenario: hostile input. Property-based fuzzing (fast-check) of every API body with arbitrary
// JSON, malformed text and near-valid mutations of valid bodies: the answer is always a 2xx or a
// 4xx that gives a reason, never a 5xx; and no workflow the fuzzing started fails or has a failing
// workflow task. Bounded to RUNS requests per route.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { workflowIdFor } from '../../common/messages';
import type { JsonResponse } from '../api/support/api-harness';
import { faultCheckoutBody } from './support/checkouts';
import { FaultStack } from './support/fault-stack';
import { bodies, nearValid, shortId } from './support/hostile-bodies';
import { pause } from './support/processes';

const RUNS = Number(process.env.FUZZ_RUNS || 200);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

describe('hostile input to every API body', { timeout: 300_000 }, () => {
  let stack: FaultStack;
  /** Running checkouts the activity and schedule routes aim at; orders never reach them. */
  let targets: string[] = [];
  const started = new Set<string>();
  const problems: string[] = [];

  before(async () => {
    stack = await FaultStack.start();
    targets = [];
    for (let i = 0; i < 3; i++) {
      const id = `fz-target-${i}-${Date.now().toString(36)}`;
      const res = await stack.request('POST', '/checkouts', faultCheckoutBody(id, [{ after: '1h' }, { after: '2h' }]));
      assert.equal(res.status, 202);
      targets.push(id);
      started.add(workflowIdFor(id));
    }
  });
  after(async () => {
    await stack?.close();
  });

  /** The answer must be a 2xx, or a 4xx whose body gives a reason; anything else is recorded as a problem. */
  async function send(method: string, path: string, raw: string): Promise<JsonResponse> {
    const res = await fetch(`${stack.api.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: raw,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    const reason = (body as { message?: unknown; errors?: unknown[] } | null) ?? {};
    const explained =
      (typeof reason.message === 'string' && reason.message !== '') ||
      (Array.isArray(reason.message) && reason.message.length > 0) ||
      (Array.isArray(reason.errors) && reason.errors.length > 0);
    const ok = (res.status >= 200 && res.status < 300) || (res.status >= 400 && res.status < 500 && explained);
    if (!ok) problems.push(`${method} ${path} ${raw.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`);
    return { status: res.status, body, headers: res.headers };
  }

  const pathId = () =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...targets) },
      { weight: 2, arbitrary: shortId },
      {
        weight: 2,
        arbitrary: fc.oneof(
          fc.string({ minLength: 1 }).map(encodeURIComponent),
          fc.constantFrom('%2e%2e', 'a%00b', 'a'.repeat(200), 'co%2F1', '%F0%9F%98%80', '%E0%A4%A', 'a%20b'),
        ),
      },
    );

  async function run<Ts extends unknown[]>(name: string, property: fc.IAsyncProperty<Ts>) {
    const before = problems.length;
    const t0 = Date.now();
    await fc.assert(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });
    console.log(`${name}: ${RUNS} runs in ${Date.now() - t0} ms`);
    assert.deepEqual(problems.slice(before), [], `${name} answered a 5xx or an unexplained error`);
  }

  test('POST /checkouts answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = shortId.chain((id) => nearValid(faultCheckoutBody(id, [{ after: '1s' }, { after: '3s' }])));
    await run(
      'POST /checkouts',
      fc.asyncProperty(bodies(valid), async (raw) => {
        const res = await send('POST', '/checkouts', raw);
        if (res.status === 202) started.add(res.body.workflowId);
        return res.status < 500;
      }),
    );
  });

  test('POST /checkouts/:id/activity answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = nearValid({ at: new Date().toISOString() });
    await run(
      'POST /checkouts/:id/activity',
      fc.asyncProperty(
        pathId(),
        bodies(valid),
        async (id, raw) => (await send('POST', `/checkouts/${id}/activity`, raw)).status < 500,
      ),
    );
  });

  test('PUT /checkouts/:id/schedule answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = nearValid({ schedule: [{ after: '30m' }, { after: '1h', template: 'cart', channel: 'email' }] });
    await run(
      'PUT /checkouts/:id/schedule',
      fc.asyncProperty(
        pathId(),
        bodies(valid),
        async (id, raw) => (await send('PUT', `/checkouts/${id}/schedule`, raw)).status < 500,
      ),
    );
  });

  test('POST /orders answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = fc
      .tuple(shortId, shortId)
      .chain(([checkoutId, orderId]) => nearValid({ checkoutId, orderId, total: 59.9 }));
    await run(
      'POST /orders',
      fc.asyncProperty(bodies(valid), async (raw) => {
        const res = await send('POST', '/orders', raw);
        if (res.status === 202) started.add(workflowIdFor(res.body.checkoutId));
        return res.status < 500;
      }),
    );
  });

  test('POST /api/checkout answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = shortId.chain((id) => nearValid({ email_id: `${id}@shoppers.example.com` }));
    await run(
      'POST /api/checkout',
      fc.asyncProperty(bodies(valid), async (raw) => {
        const res = await send('POST', '/api/checkout', raw);
        if (res.status === 200) started.add(workflowIdFor(res.body.order_id));
        return res.status < 500;
      }),
    );
  });

  test('POST /api/order answers 2xx or an explained 4xx, never a 5xx', async () => {
    const valid = shortId.chain((id) =>
      nearValid({ order_id: `legacy-${id}`, email_id: `${id}@shoppers.example.com` }),
    );
    await run(
      'POST /api/order',
      fc.asyncProperty(bodies(valid), async (raw) => {
        const parsed = (() => {
          try {
            return JSON.parse(raw) as { order_id?: unknown };
          } catch {
            return undefined;
          }
        })();
        const res = await send('POST', '/api/order', raw);
        if (res.status === 200 && typeof parsed?.order_id === 'string') started.add(workflowIdFor(parsed.order_id));
        return res.status < 500;
      }),
    );
  });

  test('no workflow the fuzzing started failed or had a failing workflow task', async () => {
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
        const pending: string[] = [];
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
    await pause(4_000);
    const broken: Record<string, string[]> = {};
    for (const id of ids) {
      const events = await stack.brokenEvents(id);
      if (events.length > 0) broken[id] = events;
    }
    console.log(
      `${ids.length} workflows started by the fuzzing; ${stack.ses.count} SES requests; broken: ${Object.keys(broken).length}`,
    );
    assert.deepEqual(broken, {});
  });
});
