// Address autocomplete through the API with a hosted provider (ADDRESS_PROVIDER=google or mapbox)
// against a local endpoint speaking its JSON: the key and the shopper's session reach the service,
// its suggestions fill the form's fields after the saved addresses, and when it fails or does not
// answer in time the offline provider answers instead (never a 5xx).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type LedgerStores, openStores } from '../../storage/send-ledger';
import { call, type RunningApi, startApi, uniqueId } from '../api/support/api-harness';
import { type LocalPlaces, startLocalPlaces } from '../support/local-places';
import { openAll } from '../support/open-all';
import { devServerEnv } from '../support/temporal-env';

const PROVIDERS = {
  google: (url: string) => ({
    ADDRESS_PROVIDER: 'google',
    GOOGLE_PLACES_API_KEY: 'local-google-key',
    GOOGLE_PLACES_URL: url,
  }),
  mapbox: (url: string) => ({
    ADDRESS_PROVIDER: 'mapbox',
    MAPBOX_ACCESS_TOKEN: 'pk.local-mapbox',
    MAPBOX_SEARCH_URL: url,
  }),
};

for (const [name, envFor] of Object.entries(PROVIDERS)) {
  describe(`address autocomplete with ${name} (local endpoint)`, () => {
    let temporal: TestWorkflowEnvironment;
    let stores: LedgerStores;
    let places: LocalPlaces;
    let api: RunningApi;
    before(async () => {
      [temporal, stores, places] = await openAll([
        [devServerEnv(), (t) => t.teardown()],
        [openStores({ databaseUrl: undefined, inMemory: true }), (s) => s.close()],
        [startLocalPlaces(), (p) => p.close()],
      ]);
      api = await startApi(temporal.client, { ...envFor(places.url), ADDRESS_PROVIDER_TIMEOUT: '1s' }, stores);
    });
    after(async () => {
      await api?.close();
      await places?.close();
      await stores?.close();
      await temporal?.teardown();
    });

    test(`the saved address first, then ${name}'s streets with their fields; key and session passed through`, async () => {
      places.behaviour = 'ok';
      const customerId = uniqueId('cust');
      const saved = await call(`${api.url}/customers/${customerId}/addresses`, 'POST', {
        name: 'Ada',
        line1: 'Friedrichstraße 1',
        city: 'Berlin',
        postalCode: '10117',
        country: 'DE',
      });
      assert.equal(saved.status, 201);
      const session = uniqueId('s');
      const res = await call(
        `${api.url}/addresses/autocomplete?q=Fried&country=DE&session=${session}&customerId=${customerId}`,
        'GET',
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        res.body.map((s: { source: string }) => s.source),
        ['saved', 'places', 'places'],
      );
      const street = res.body[1];
      assert.equal(street.label, 'Friedrichstraße 43, 10117 Berlin, Germany');
      assert.equal(street.fields.line1, 'Friedrichstraße 43');
      assert.equal(street.fields.country, 'DE');
      assert.ok(street.placeId);
      const [request] = places.received.slice(-1);
      if (name === 'google') {
        assert.equal(request?.path, '/v1/places:autocomplete');
        assert.equal(request?.headers['x-goog-api-key'], 'local-google-key');
        assert.deepEqual(request?.body, { input: 'Fried', includedRegionCodes: ['de'], sessionToken: session });
      } else {
        assert.equal(request?.path, '/search/searchbox/v1/suggest');
        assert.equal(request?.query.get('access_token'), 'pk.local-mapbox');
        assert.equal(request?.query.get('session_token'), session);
        assert.equal(request?.query.get('country'), 'de');
        assert.deepEqual(street.fields, {
          line1: 'Friedrichstraße 43',
          city: 'Berlin',
          region: 'BE',
          postalCode: '10117',
          country: 'DE',
        });
      }
    });

    for (const behaviour of ['error', 'hang'] as const) {
      test(`${name} ${behaviour === 'error' ? 'answering 500' : 'not answering'}: the offline provider answers (200)`, async () => {
        places.behaviour = behaviour;
        const before = places.received.length;
        const started = Date.now();
        const res = await call(`${api.url}/addresses/autocomplete?q=Berl&country=DE&session=s-2`, 'GET');
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.ok(places.received.length > before, `${name} was asked`);
        assert.ok(res.body.some((s: { fields: { city?: string } }) => s.fields.city === 'Berlin'));
        assert.ok(Date.now() - started < 3_000, 'within the timeout, not the HTTP client default');
        places.behaviour = 'ok';
      });
    }
  });
}
