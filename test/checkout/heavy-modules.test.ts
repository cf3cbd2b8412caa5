// Three libraries are heavy and seldom needed: every city of the world (country-state-city's
// city.json, 26 MB of heap; only the offline address suggestions use it), Adyen's (15 MB; only
// where Adyen is configured) and MJML (16 MB; only to compile the email layout at boot). No process
// carries the first two before it needs them, and none keeps MJML after the compile.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const DIST = join(__dirname, '..', '..');

const CITY_DATA = /country-state-city\/lib\/(cjs\/)?(index\.js|city\.js|assets\/city\.json)$/;
const ADYEN = /node_modules\/@adyen\//;
const MJML = /node_modules\/mjml[^/]*\//;

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

test('the email layout compiles at boot without MJML in the process, and a broken layout still fails the boot', () => {
  assert.deepEqual(
    modulesAfter(
      `const { prepareTemplates } = require('./activities/templates/prepare');
       const { renderEmail } = require('./activities/templates');
       await prepareTemplates({ brand: { ...require('./config/brand').DEFAULT_BRAND, primaryColor: '#0f766e' }, templateOverridesDir: undefined });
       const email = await renderEmail({ lang: 'en', subject: 'S', preheader: 'P', greeting: 'Hi Ada', intro: ['Your cart'], outro: [],
         button: { href: 'https://shop.example/c/1', label: 'Back to my cart', orOpen: 'or open' } },
         { ...require('./config/brand').DEFAULT_BRAND, primaryColor: '#0f766e' });
       for (const part of ['Hi Ada', 'Back to my cart', '#0f766e', 'href="https://shop.example/c/1"'])
         if (!email.html.includes(part)) throw new Error('the compiled layout lacks ' + part)`,
      MJML,
    ),
    [],
  );
  const broken = modulesAfter(
    `const { compileMjml } = require('./activities/templates/mjml-compile');
     const out = await compileMjml('<mjml><mj-body><mj-section><mj-bogus /></mj-section></mj-body></mjml>', { validationLevel: 'strict' });
     if (!out.errors.some((e) => /mj-bogus/.test(e))) throw new Error('no error for mj-bogus: ' + JSON.stringify(out.errors));
     const { compileLayout } = require('./activities/templates/mjml-layout');
     const failed = await compileLayout({ ...require('./config/brand').DEFAULT_BRAND, backgroundColor: 'nope' }).then(() => 'compiled', (e) => e.message);
     if (!/does not compile/.test(failed) || !/background-color/.test(failed)) throw new Error('a broken layout: ' + failed)`,
    MJML,
  );
  assert.deepEqual(broken, []);
});
