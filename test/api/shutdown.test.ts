// The API owns what its process opened: closing the app closes the database pool too.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** Listening TCP servers in this process (Node's public resource list). */
const listeners = () => process.getActiveResourcesInfo().filter((type) => type === 'TCPServerWrap').length;

test('a start that fails on one side listener leaves the other closed, and closes the store it was to own', async () => {
  // Nest starts both listeners together: the one given a host name to resolve binds after the other
  // failed, while the app is already closing; by address, both finish in one turn.
  for (const opensAt of ['127.0.0.1:0', 'localhost:0'])
    for (const [opens, fails] of [
      ['CODEC_ADDRESS', 'API_METRICS_ADDRESS'],
      ['API_METRICS_ADDRESS', 'CODEC_ADDRESS'],
    ] as const) {
      const taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      const takenPort = (taken.address() as AddressInfo).port;
      const stores = await openStores({ databaseUrl: undefined, inMemory: true });
      const before = listeners();
      let closed = 0;
      try {
        await assert.rejects(
          createApiApp(testConfig({ [opens]: opensAt, [fails]: `127.0.0.1:${takenPort}` }), api.client, {
            logger: false,
            preferences: stores.preferences,
            closeStores: async () => {
              closed += 1;
            },
          }),
          new RegExp(fails),
        );
        await new Promise((resolve) => setTimeout(resolve, 300)); // a late bind would have happened by now
        assert.equal(listeners(), before, `${opens} at ${opensAt} still listening after the failed start`);
        assert.equal(closed, 1, 'the store it was to own is closed');
      } finally {
        await stores.close();
        await new Promise((resolve) => taken.close(resolve));
      }
    }
});
