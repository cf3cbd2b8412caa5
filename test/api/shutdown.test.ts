// The API owns what its process opened: closing the app closes the database pool too.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createApiApp } from '../../apps/api/create-api-app';
import { openStores } from '../../storage/send-ledger';
import { freePort } from '../support/prometheus';
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

/** Listens on `port` of 127.0.0.1 and closes again: false when something else holds the port. */
async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

test('a start that fails on one side listener leaves the other closed, and closes the store it was to own', async () => {
  // Either listener may open first: each order is tried, so one of them opens before the other fails.
  for (const [opens, fails] of [
    ['CODEC_ADDRESS', 'API_METRICS_ADDRESS'],
    ['API_METRICS_ADDRESS', 'CODEC_ADDRESS'],
  ] as const) {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const takenPort = (taken.address() as AddressInfo).port;
    const freePortNumber = await freePort();
    const stores = await openStores({ databaseUrl: undefined, inMemory: true });
    let closed = 0;
    try {
      await assert.rejects(
        createApiApp(
          testConfig({ [opens]: `127.0.0.1:${freePortNumber}`, [fails]: `127.0.0.1:${takenPort}` }),
          api.client,
          {
            logger: false,
            preferences: stores.preferences,
            closeStores: async () => {
              closed += 1;
            },
          },
        ),
        new RegExp(fails),
      );
      assert.ok(await portIsFree(freePortNumber), `${opens} still held after the failed start`);
      assert.equal(closed, 1, 'the store it was to own is closed');
    } finally {
      await stores.close();
      await new Promise((resolve) => taken.close(resolve));
    }
  }
});
