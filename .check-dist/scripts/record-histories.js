Object.defineProperty(exports, '__esModule', { value: true });
// Records event histories of the shipped workflow into test/histories/, for the replay suite.
// Run after a workflow change has shipped: `npm run record:histories -- <version>`; files are
// named `<version>.<scenario>.binpb` so older versions' histories stay beside the new ones.
// `npm run record:histories -- <version> <scenario>` records that one scenario only.
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const proto_1 = require('@temporalio/proto');
const messages_1 = require('../common/messages');
const recovery_harness_1 = require('../test/workflow/recovery-harness');
const OUT = (0, node_path_1.join)(__dirname, '..', '..', 'test', 'histories');
async function main() {
  const version = process.argv[2];
  if (!version || !/^[\w-]+$/.test(version)) throw new Error('usage: record-histories <version, e.g. v3> [scenario]');
  const only = process.argv[3];
  const h = await recovery_harness_1.RecoveryHarness.start();
  try {
    await h.withWorker(async ({ taskQueue }) => {
      const scenarios = {
        'expired-after-three-reminders': async () => {
          const { handle } = await h.startCheckout(taskQueue);
          await (0, recovery_harness_1.result)(handle);
          return handle.workflowId;
        },
        'ordered-after-first-reminder': async () => {
          const { handle } = await h.startCheckout(taskQueue);
          await h.env.sleep('2h');
          await handle.signal(messages_1.orderedSignal, { orderId: 'ord-1' });
          await (0, recovery_harness_1.result)(handle);
          return handle.workflowId;
        },
        'ordered-before-first-reminder-no-confirmation': async () => {
          const { handle } = await h.startCheckout(taskQueue, undefined, { sendOrderConfirmation: false });
          await h.env.sleep('10m');
          await handle.signal(messages_1.orderedSignal, { orderId: 'ord-2' });
          await (0, recovery_harness_1.result)(handle);
          return handle.workflowId;
        },
        'last-reminder-with-offer': async () => {
          const policy = {
            quietHours: null,
            defaultTimezone: 'UTC',
            discount: { rules: [{ minCartTotal: 50, offer: { percent: 10 } }], maxAmount: 50 },
          };
          const { handle } = await h.startCheckout(taskQueue, undefined, { policy });
          await (0, recovery_harness_1.result)(handle);
          return handle.workflowId;
        },
        'unsubscribed-after-first-reminder': async () => {
          const { handle } = await h.startCheckout(taskQueue, undefined, {}, 'c-recorded-opt-out');
          await h.env.sleep('2h');
          await handle.signal(messages_1.preferencesSignal, { preferences: { optedOut: true } });
          await (0, recovery_harness_1.result)(handle);
          return handle.workflowId;
        },
        'custom-step-named-freely': async () => {
          // A custom step's name as free text (before names were slugs): it became CheckoutStep as given.
          const { handle } = await h.startCheckout(taskQueue);
          await h.env.sleep('10m');
          const at = new Date(Date.now()).toISOString();
          await handle.signal(messages_1.checkoutEventsSignal, {
            events: [
              { type: 'custom', at, name: 'Gift Wrap Chosen' },
              { type: 'custom', at, name: 'gift wrap chosen!' },
            ],
          });
          await h.env.sleep('10m');
          await handle.signal(messages_1.checkoutEventsSignal, {
            events: [{ type: 'custom', at, name: 'Ada Lovelace, ada@example.com' }],
          });
          await handle.signal(messages_1.orderedSignal, { orderId: 'ord-3' });
          await (0, recovery_harness_1.result)(handle);
          return handle.workflowId;
        },
        'held-by-quiet-hours-spread': async () => {
          // Due inside quiet hours (the window is placed around the server's clock): released at the
          // window's end plus the checkout's offset within quietHoursSpread.
          const now = new Date(await h.env.currentTimeMs());
          // The harness's customers live in Berlin: the window is in their zone.
          const hour = Number(
            new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(
              now,
            ),
          );
          const hhmm = (h24) => `${String(h24 % 24).padStart(2, '0')}:00`;
          const policy = {
            quietHours: { start: hhmm(hour), end: hhmm(hour + 2) },
            quietHoursSpread: '10m',
            defaultTimezone: 'UTC',
          };
          const { handle } = await h.startCheckout(taskQueue, [{ after: '30m' }], { policy });
          await (0, recovery_harness_1.result)(handle);
          return handle.workflowId;
        },
        'activity-then-rescheduled': async () => {
          const { handle } = await h.startCheckout(taskQueue);
          await h.env.sleep('10m');
          await handle.signal(messages_1.activitySignal, {});
          await h.env.sleep('1h');
          await handle.executeUpdate(messages_1.rescheduleUpdate, { args: [{ schedule: [{ after: '2h' }] }] });
          await (0, recovery_harness_1.result)(handle);
          return handle.workflowId;
        },
      };
      for (const [name, run] of Object.entries(scenarios)) {
        if (only && name !== only) continue;
        const workflowId = await run();
        const history = await h.env.client.workflow.getHandle(workflowId).fetchHistory();
        // Binary protobuf: the SDK's JSON helper trips over its own nested protobufjs copy.
        (0, node_fs_1.writeFileSync)(
          (0, node_path_1.join)(OUT, `${version}.${name}.binpb`),
          proto_1.temporal.api.history.v1.History.encode(history).finish(),
        );
        console.log(`recorded ${name}`);
      }
    });
  } finally {
    await h.close();
  }
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
//# sourceMappingURL=record-histories.js.map
