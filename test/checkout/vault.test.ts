// The vault through the API: addresses checked per country, payment methods as provider tokens whose
// card details come back from (local) Stripe, card data refused, everything sealed at rest.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { sql } from 'drizzle-orm';
import { type LedgerStores, openStores } from '../../storage/send-ledger';
import { call, type RunningApi, startApi, uniqueId } from '../api/support/api-harness';
import { type LocalStripe, startTestStripe, stripeEnv } from '../support/local-stripe';
import { openAll } from '../support/open-all';
import { devServerEnv } from '../support/temporal-env';

describe('customer vault', () => {
  let temporal: TestWorkflowEnvironment;
  let stripe: LocalStripe;
  let stores: LedgerStores;
  let api: RunningApi;
  const post = (path: string, body: unknown) => call(`${api.url}${path}`, 'POST', body);
  const get = (path: string) => call(`${api.url}${path}`, 'GET');

  before(async () => {
    [temporal, stripe, stores] = await openAll([
      [devServerEnv(), (t) => t.teardown()],
      [startTestStripe(), (s) => s.stop()],
      [openStores({ databaseUrl: undefined, inMemory: true }), (s) => s.close()],
    ]);
    api = await startApi(temporal.client, stripeEnv(stripe), stores);
  });
  after(async () => {
    await api?.close();
    await stores?.close();
    await stripe?.stop();
    await temporal?.teardown();
  });

  it('saves a US address normalised (region code, formatted lines) and makes the first one the default', async () => {
    const customer = uniqueId('c');
    const res = await post(`/customers/${customer}/addresses`, {
      name: 'Ada Lovelace',
      line1: '1  Main Street',
      city: 'Springfield',
      region: 'Illinois',
      postalCode: '62704',
      country: 'us',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.country, 'US');
    assert.equal(res.body.region, 'IL');
    assert.equal(res.body.line1, '1 Main Street');
    assert.equal(res.body.isDefault, true);
    assert.deepEqual(res.body.formatted, ['Ada Lovelace', '1 Main Street', 'Springfield, IL 62704', 'United States']);
    const gb = await post(`/customers/${customer}/addresses`, {
      name: 'Ada',
      line1: '10 Downing Street',
      city: 'London',
      postalCode: 'sw1a2aa',
      country: 'GB',
    });
    assert.equal(gb.status, 201);
    assert.equal(gb.body.postalCode, 'SW1A 2AA');
    assert.equal(gb.body.isDefault, false);
    const list = await get(`/customers/${customer}/addresses`);
    assert.deepEqual(
      list.body.map((a: { id: string }) => a.id),
      [res.body.id, gb.body.id],
    );
  });

  it('refuses a postcode that does not fit the country, naming postalCode', async () => {
    const res = await post(`/customers/${uniqueId('c')}/addresses`, {
      name: 'Ada',
      line1: 'Unter den Linden 1',
      city: 'Berlin',
      postalCode: '1234',
      country: 'DE',
    });
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.errors.map((e: { field: string }) => e.field),
      ['postalCode'],
    );
  });

  it('refuses a US address without its state, naming region', async () => {
    const res = await post(`/customers/${uniqueId('c')}/addresses`, {
      name: 'Ada',
      line1: '1 Main St',
      city: 'Springfield',
      postalCode: '62704',
      country: 'US',
    });
    assert.equal(res.status, 400);
    assert.ok(res.body.errors.some((e: { field: string }) => e.field === 'region'));
  });

  it('saves a payment method as tokens and answers the card as Stripe knows it, without the token', async () => {
    const customer = uniqueId('c');
    const res = await post(`/customers/${customer}/payment-methods`, { tokens: { stripe: 'pm_card_visa' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.brand, 'visa');
    assert.equal(res.body.last4, '4242');
    assert.equal(res.body.expYear, 2030);
    assert.deepEqual(res.body.providers, ['stripe']);
    assert.equal(JSON.stringify(res.body).includes('pm_card_visa'), false);
    const list = await get(`/customers/${customer}/payment-methods`);
    assert.equal(list.body.length, 1);
    assert.equal(list.body[0].isDefault, true);
  });

  it('refuses a token Stripe does not know with 422, naming tokens.stripe', async () => {
    const res = await post(`/customers/${uniqueId('c')}/payment-methods`, { tokens: { stripe: 'pm_made_up' } });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].field, 'tokens.stripe');
  });

  for (const [what, body, field] of [
    ['a card number as a token', { tokens: { stripe: '4242424242424242' } }, 'tokens.stripe'],
    ['a spaced card number anywhere', { tokens: { stripe: 'pm_card_visa' }, note: 'card 4000 0566 5566 5556' }, 'note'],
    ['a CVC field', { tokens: { stripe: 'pm_card_visa' }, cvc: '123' }, 'cvc'],
  ] as const) {
    it(`refuses ${what} with 400, and never echoes nor stores it`, async () => {
      const customer = uniqueId('c');
      const res = await post(`/customers/${customer}/payment-methods`, body);
      assert.equal(res.status, 400);
      assert.equal(res.body.errors[0].field, field);
      // The CVC as a JSON value ("123"), not any text ending in 123: a random correlation id may.
      assert.equal(/4242424242424242|4000 0566|"123"/.test(JSON.stringify(res.body)), false);
      assert.equal((await get(`/customers/${customer}/payment-methods`)).body.length, 0);
    });
  }

  it('keeps addresses and tokens sealed in the database', async () => {
    const customer = uniqueId('c');
    await post(`/customers/${customer}/addresses`, {
      name: 'Grace Hopper',
      line1: '5 Sealed Road',
      city: 'Paris',
      postalCode: '75001',
      country: 'FR',
    });
    await post(`/customers/${customer}/payment-methods`, { tokens: { stripe: 'pm_card_visa' } });
    const db = (stores.vault as unknown as { db: { execute(q: unknown): Promise<{ rows: unknown[] }> } }).db;
    const rows = JSON.stringify(
      (
        await db.execute(
          sql`SELECT sealed FROM customer_addresses UNION ALL SELECT sealed FROM customer_payment_methods`,
        )
      ).rows,
    );
    assert.equal(/Grace|Sealed Road|pm_card_visa|4242/.test(rows), false);
    assert.match(rows, /v1\./);
  });

  it('deletes an address and moves the default to the next one', async () => {
    const customer = uniqueId('c');
    const address = { name: 'A', line1: 'Rue 1', city: 'Paris', postalCode: '75001', country: 'FR' };
    const first = await post(`/customers/${customer}/addresses`, address);
    const second = await post(`/customers/${customer}/addresses`, address);
    const del = await call(`${api.url}/customers/${customer}/addresses/${first.body.id}`, 'DELETE');
    assert.equal(del.status, 204);
    const list = await get(`/customers/${customer}/addresses`);
    assert.deepEqual(
      list.body.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault]),
      [[second.body.id, true]],
    );
    assert.equal((await call(`${api.url}/customers/${customer}/addresses/${first.body.id}`, 'DELETE')).status, 404);
  });
});
