var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The customer preference store behaves the same on embedded PGlite and on PostgreSQL.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const send_ledger_1 = require('../../storage/send-ledger');
const postgres_schema_1 = require('../support/postgres-schema');
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
let seq = 0;
const freshCustomer = () => `cust-${process.pid}-${++seq}`;
function storeBehaviour(options) {
  let stores;
  let store;
  (0, node_test_1.before)(async () => {
    stores = await (0, send_ledger_1.openStores)(options());
    store = stores.preferences;
  });
  (0, node_test_1.after)(() => stores.close());
  (0, node_test_1.it)('knows nothing of a customer who never set preferences', async () => {
    strict_1.default.equal(await store.get(freshCustomer()), undefined);
  });
  (0, node_test_1.it)('keeps what was put: channels, own quiet hours, zone', async () => {
    const id = freshCustomer();
    await store.put(id, {
      optedOut: false,
      channels: ['email'],
      quietHours: { start: '22:30', end: '07:15' },
      timezone: 'America/New_York',
    });
    const got = await store.get(id);
    strict_1.default.deepEqual(
      { ...got, updatedAt: undefined },
      {
        customerId: id,
        optedOut: false,
        channels: ['email'],
        quietHours: { start: '22:30', end: '07:15' },
        timezone: 'America/New_York',
        updatedAt: undefined,
      },
    );
  });
  (0, node_test_1.it)('tells "no quiet hours at all" (null) from "the shop\'s" (absent)', async () => {
    const none = freshCustomer();
    const shops = freshCustomer();
    await store.put(none, { optedOut: false, quietHours: null });
    await store.put(shops, { optedOut: false });
    strict_1.default.equal((await store.get(none))?.quietHours, null);
    strict_1.default.equal('quietHours' in ((await store.get(shops)) ?? {}), false);
  });
  (0, node_test_1.it)(
    'a PUT replaces the earlier preferences: what it leaves out goes back to the default',
    async () => {
      const id = freshCustomer();
      await store.put(id, { optedOut: false, channels: ['email'], timezone: 'Europe/Berlin' });
      const second = await store.put(id, { optedOut: false });
      strict_1.default.equal(second.channels, undefined);
      strict_1.default.equal(second.timezone, undefined);
    },
  );
  (0, node_test_1.it)('an opt-out through the link keeps the other preferences and records when and how', async () => {
    const id = freshCustomer();
    await store.put(id, { optedOut: false, timezone: 'Europe/Berlin' });
    const out = await store.optOut(id, 'link');
    strict_1.default.equal(out.optedOut, true);
    strict_1.default.equal(out.optOutSource, 'link');
    strict_1.default.ok(out.optedOutAt && Date.now() - Date.parse(out.optedOutAt) < 60_000);
    strict_1.default.equal(out.timezone, 'Europe/Berlin');
    // A second click changes nothing about the first opt-out's record.
    const again = await store.optOut(id, 'api');
    strict_1.default.equal(again.optOutSource, 'link');
    strict_1.default.equal(again.optedOutAt, out.optedOutAt);
  });
  (0, node_test_1.it)('an opt-out of a customer never seen before is kept too', async () => {
    const id = freshCustomer();
    await store.optOut(id, 'api');
    strict_1.default.equal((await store.get(id))?.optedOut, true);
  });
  (0, node_test_1.it)('opting back in through PUT clears the opt-out record', async () => {
    const id = freshCustomer();
    await store.optOut(id, 'link');
    const back = await store.put(id, { optedOut: false });
    strict_1.default.equal(back.optedOut, false);
    strict_1.default.equal(back.optedOutAt, undefined);
    strict_1.default.equal(back.optOutSource, undefined);
  });
}
(0, node_test_1.describe)('preference store on in-memory PGlite', () => {
  storeBehaviour(() => ({ databaseUrl: undefined, inMemory: true }));
});
(0, node_test_1.describe)(
  'preference store on PostgreSQL (TEST_DATABASE_URL)',
  {
    skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set',
  },
  () => {
    const url = TEST_DATABASE_URL ?? '';
    const schema = (0, postgres_schema_1.usePostgresSchema)(url, 'preferences_test');
    storeBehaviour(() => ({ databaseUrl: url, schema }));
  },
);
//# sourceMappingURL=preferences-store.test.js.map
