// The API owns what its process opened: closing the app closes the database pool too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApiApp } from '../../apps/api/create-api-app';
import { openStores } from '../../storage/send-ledger';
import { testConfig, useApi } from './support/api-harness';

const api = useApi();

test('closing the API closes the store it was given to own, after its last request', async () => {
  const stores = await openStores({ databaseUrl: undefined, inMemory: true });
  let closed = 0;
  const app = await createApiApp(testConfig(), api.client, {
    logger: false,
    preferences: stores.preferences,
    closeStores: async () => {
      closed += 1;
      await stores.close();
    },
  });
  await app.listen(0, '127.0.0.1');
  assert.equal(closed, 0);
  await app.close();
  assert.equal(closed, 1);
});
