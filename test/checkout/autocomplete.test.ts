// Address autocomplete through the API with the offline provider: the customer's saved addresses
// first, then cities of the country; the query is validated at the edge.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type LedgerStores, openStores } from '../../storage/send-ledger';
import { call, type RunningApi, startApi, uniqueId } from '../api/support/api-harness';
import { openAll } from '../support/open-all';
import { devServerEnv } from '../support/temporal-env';

describe('address autocomplete (offline provider)', () => {
  let temporal: TestWorkflowEnvironment;
  let stores: LedgerStores;
  let api: RunningApi;
  before(async () => {
    [temporal, stores] = await openAll([
      [devServerEnv(), (t) => t.teardown()],
      [openStores({ databaseUrl: undefined, inMemory: true }), (s) => s.close()],
    ]);
    api = await startApi(temporal.client, {}, stores);
  });
  after(async () => {
    await api?.close();
    await stores?.close();
    await temporal?.teardown();
  });

  test("suggests the customer's saved address first, then cities of the country that start with the query", async () => {
    const customerId = uniqueId('cust');
    const saved = await call(`${api.url}/customers/${customerId}/addresses`, 'POST', {
      name: 'Ada',
      line1: 'Bergmannstraße 5',
      city: 'Berlin',
      postalCode: '10961',
      country: 'DE',
    });
    assert.equal(saved.status, 201);
    const res = await call(
      `${api.url}/addresses/autocomplete?q=berg&country=DE&session=s-1&customerId=${customerId}`,
      'GET',
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body[0].source, 'saved');
    assert.equal(res.body[0].addressId, saved.body.id);
    assert.ok(res.body.length > 1);
    for (const s of res.body.slice(1)) {
      assert.equal(s.source, 'places');
      assert.match(s.fields.city.toLowerCase(), /^berg/);
    }
    const berlin = await call(`${api.url}/addresses/autocomplete?q=Berl&country=DE&session=s-1`, 'GET');
    assert.ok(berlin.body.some((s: { fields: { city: string } }) => s.fields.city === 'Berlin'));
  });

  test('a missing or malformed country is a 400 naming it', async () => {
    const res = await call(`${api.url}/addresses/autocomplete?q=Berl&country=germany&session=s-1`, 'GET');
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.errors.map((e: { field: string }) => e.field),
      ['country'],
    );
  });
});
