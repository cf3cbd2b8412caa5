// The customer preference store behaves the same on embedded PGlite and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PreferenceStore } from '../../storage/preferences-store';
import { type LedgerOptions, type LedgerStores, openStores } from '../../storage/send-ledger';
import { usePostgresSchema } from '../support/postgres-schema';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
let seq = 0;
const freshCustomer = () => `cust-${process.pid}-${++seq}`;

function storeBehaviour(options: () => LedgerOptions) {
  let stores: LedgerStores;
  let store: PreferenceStore;
  before(async () => {
    stores = await openStores(options());
    store = stores.preferences;
  });
  after(() => stores.close());

  it('knows nothing of a customer who never set preferences', async () => {
    assert.equal(await store.get(freshCustomer()), undefined);
  });

  it('keeps what was put: channels, own quiet hours, zone', async () => {
    const id = freshCustomer();
    await store.put(id, {
      optedOut: false,
      channels: ['email'],
      quietHours: { start: '22:30', end: '07:15' },
      timezone: 'America/New_York',
    });
    const got = await store.get(id);
    assert.deepEqual(
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

  it('tells "no quiet hours at all" (null) from "the shop\'s" (absent)', async () => {
    const none = freshCustomer();
    const shops = freshCustomer();
    await store.put(none, { optedOut: false, quietHours: null });
    await store.put(shops, { optedOut: false });
    assert.equal((await store.get(none))?.quietHours, null);
    assert.equal('quietHours' in ((await store.get(shops)) ?? {}), false);
  });

  it('a PUT replaces the earlier preferences: what it leaves out goes back to the default', async () => {
    const id = freshCustomer();
    await store.put(id, { optedOut: false, channels: ['email'], timezone: 'Europe/Berlin' });
    const second = await store.put(id, { optedOut: false });
    assert.equal(second.channels, undefined);
    assert.equal(second.timezone, undefined);
  });

  it('an opt-out through the link keeps the other preferences and records when and how', async () => {
    const id = freshCustomer();
    await store.put(id, { optedOut: false, timezone: 'Europe/Berlin' });
    const out = await store.optOut(id, 'link');
    assert.equal(out.optedOut, true);
    assert.equal(out.optOutSource, 'link');
    assert.ok(out.optedOutAt && Date.now() - Date.parse(out.optedOutAt) < 60_000);
    assert.equal(out.timezone, 'Europe/Berlin');
    // A second click changes nothing about the first opt-out's record.
    const again = await store.optOut(id, 'api');
    assert.equal(again.optOutSource, 'link');
    assert.equal(again.optedOutAt, out.optedOutAt);
  });

  it('an opt-out of a customer never seen before is kept too', async () => {
    const id = freshCustomer();
    await store.optOut(id, 'api');
    assert.equal((await store.get(id))?.optedOut, true);
  });

  it('opting back in through PUT clears the opt-out record', async () => {
    const id = freshCustomer();
    await store.optOut(id, 'link');
    const back = await store.put(id, { optedOut: false });
    assert.equal(back.optedOut, false);
    assert.equal(back.optedOutAt, undefined);
    assert.equal(back.optOutSource, undefined);
  });
}

describe('preference store on in-memory PGlite', () => {
  storeBehaviour(() => ({ databaseUrl: undefined, inMemory: true }));
});

describe('preference store on PostgreSQL (TEST_DATABASE_URL)', {
  skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set',
}, () => {
  const url = TEST_DATABASE_URL ?? '';
  const schema = usePostgresSchema(url, 'preferences_test');
  storeBehaviour(() => ({ databaseUrl: url, schema }));
});
