// Every city of the world (country-state-city's city.json) is 26 MB of heap: only an offline
// address suggestion needs it, so no process carries it before one asks.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const DIST = join(__dirname, '..', '..');

/** The modules a fresh node loads for `script` whose path names the city data. */
function cityModulesAfter(script: string): string[] {
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `(async () => { ${script}; console.log(JSON.stringify(Object.keys(require.cache).filter((f) => /country-state-city\\/lib\\/(cjs\\/)?(index\\.js|city\\.js|assets\\/city\\.json)$/.test(f)))); })().catch((e) => { console.error(e); process.exit(1); });`,
    ],
    { cwd: DIST, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '[]') as string[];
}

test('the worker and the API load without the world’s cities; the first offline suggestion loads them', () => {
  assert.deepEqual(cityModulesAfter(`require('./apps/worker/run-worker')`), []);
  assert.deepEqual(cityModulesAfter(`require('./apps/api/api.module')`), []);
  const afterSuggestion = cityModulesAfter(
    `const { OfflineAddressProvider } = require('./checkout/address-provider');
     const found = await new OfflineAddressProvider(null).suggest({ q: 'Berlin', country: 'DE', session: 's' });
     if (!found.some((s) => s.fields.city === 'Berlin')) throw new Error('no Berlin: ' + JSON.stringify(found))`,
  );
  assert.ok(
    afterSuggestion.some((f) => f.endsWith('city.js')),
    `the suggestion found its cities without loading them? ${afterSuggestion}`,
  );
});
