// Two libraries are heavy and seldom needed: every city of the world (country-state-city's
// city.json, 26 MB of heap; only the offline address suggestions use it) and Adyen's (15 MB; only
// where Adyen is configured). No process carries either before it needs it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const DIST = join(__dirname, '..', '..');

const CITY_DATA = /country-state-city\/lib\/(cjs\/)?(index\.js|city\.js|assets\/city\.json)$/;
const ADYEN = /node_modules\/@adyen\//;

/** The modules a fresh node has loaded after `script` whose paths match `pattern`. */
function modulesAfter(script: string, pattern: RegExp): string[] {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `(async () => { ${script}; console.log(JSON.stringify(Object.keys(require.cache).filter((f) => ${pattern}.test(f)))); })().catch((e) => { console.error(e); process.exit(1); });`,
    ],
    { cwd: DIST, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '[]') as string[];
}

test('the worker and the API load without the world’s cities; the first offline suggestion loads them', () => {
  assert.deepEqual(modulesAfter(`require('./apps/worker/run-worker')`, CITY_DATA), []);
  assert.deepEqual(modulesAfter(`require('./apps/api/main')`, CITY_DATA), []);
  const afterSuggestion = modulesAfter(
    `const { OfflineAddressProvider } = require('./checkout/address-provider');
     const found = await new OfflineAddressProvider(null).suggest({ q: 'Berlin', country: 'DE', session: 's' });
     if (!found.some((s) => s.fields.city === 'Berlin')) throw new Error('no Berlin: ' + JSON.stringify(found))`,
    CITY_DATA,
  );
  assert.ok(
    afterSuggestion.some((f) => f.endsWith('city.js')),
    `the suggestion found its cities without loading them? ${afterSuggestion}`,
  );
});

test('Adyen’s library loads only with Adyen among the payment providers', () => {
  const providers = (order: string, adyen: boolean) =>
    `const { paymentProvidersFor } = require('./checkout/payments/providers');
     const found = paymentProvidersFor({ providerOrder: ${JSON.stringify(order.split(','))},
       stripe: { secretKey: 'sk_test_x', timeoutMs: 1000 },
       ${adyen ? "adyen: { apiKey: 'k', merchantAccount: 'm', timeoutMs: 1000 }," : ''} });
     if (found.size !== ${order.split(',').length}) throw new Error('providers: ' + [...found.keys()])`;
  assert.deepEqual(modulesAfter(`require('./apps/worker/run-worker')`, ADYEN), []);
  assert.deepEqual(modulesAfter(`require('./apps/api/main')`, ADYEN), []);
  assert.deepEqual(modulesAfter(providers('stripe', false), ADYEN), []);
  assert.ok(modulesAfter(providers('stripe,adyen', true), ADYEN).length > 0, 'Adyen configured, its library loaded');
});
