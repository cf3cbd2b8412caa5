// The start's supersede lookup on the API's database: one statement records the new checkout and
// answers the customer's older ones that nothing has stopped.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type LedgerStores, openStores } from '../../storage/send-ledger';

let stores: LedgerStores;
before(async () => {
  stores = await openStores({ databaseUrl: undefined, inMemory: true });
});
after(() => stores?.close());

describe('customer checkouts for supersede', () => {
  test("answers the customer's older unstopped checkouts, oldest first, never the new one or another customer's", async () => {
    const { stops } = stores;
    assert.deepEqual(await stops.addAndListOlder('cust-a', 'co-1'), []);
    assert.deepEqual(await stops.addAndListOlder('cust-b', 'co-other'), []);
    assert.deepEqual(await stops.addAndListOlder('cust-a', 'co-2'), ['co-1']);
    assert.deepEqual(await stops.addAndListOlder('cust-a', 'co-3'), ['co-1', 'co-2']);
  });

  test('a checkout stopped by an order, a cancel or a supersede is not answered again', async () => {
    const { stops } = stores;
    await stops.addAndListOlder('cust-c', 'co-ordered');
    await stops.addAndListOlder('cust-c', 'co-cancelled');
    await stops.addAndListOlder('cust-c', 'co-open');
    await stops.markStopped('co-ordered', 'ordered');
    await stops.markStopped('co-cancelled', 'cancelled');
    assert.deepEqual(await stops.addAndListOlder('cust-c', 'co-new'), ['co-open']);
    await stops.markStopped('co-open', 'superseded');
    assert.deepEqual(await stops.addAndListOlder('cust-c', 'co-newer'), ['co-new']);
  });
});
