// The OpenAPI document is the contract: Schemathesis (PyPI, brought into .tools/ by npm install,
// scripts/install-schemathesis.sh) drives the real API from its own /docs-json and fails on any
// disagreement: a server error, a status or body the document does not state, a request valid by
// the document refused, one invalid by it accepted, an undeclared method not answered 405.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Stack } from '../e2e/stack';

const ROOT = join(__dirname, '..', '..', __dirname.includes(join('dist', 'test')) ? '..' : '');
const TOOL = join(ROOT, '.tools', 'schemathesis');
const HOOKS = join(ROOT, 'test', 'contract', 'schemathesis_hooks.py');
const API_KEY = 'contract-test-api-key-0123456789abcdef';

/**
 * Left out, because their answer depends on state this test does not make: place-order needs a
 * saved address and payment method of the customer (and the order saga's activities, which this
 * worker does not run); saving a payment method reads the card back from a payment provider, which
 * this test does not run. test/checkout covers both.
 */
const NEEDS_SAVED_STATE = ['PlaceOrderController_place', 'VaultController_addPaymentMethod'];

const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'positive_data_acceptance',
  'negative_data_rejection',
  'unsupported_method',
  'allow_header_conformance',
  'ignored_auth',
];

// Hypothesis draws the same requests on every run; bounded so the whole run stays around a minute.
const SEED = '20261130';
const MAX_EXAMPLES = '10';

// The whole stack, a worker included: orders are acknowledged and status queries answered at once,
// as in production (without one, each order waits out ORDER_ACK_TIMEOUT and each query its deadline).
let stack: Stack | undefined;
before(async () => {
  // Push endpoints validated as in production: the stack allows the local push service on loopback.
  stack = await Stack.start({ env: { API_KEY, PUSH_ALLOW_LOOPBACK: 'off' } });
});
after(() => stack?.close());

function schemathesis(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Asynchronously: the API answers from this very process.
    // The interpreter that installed it: the packages' compiled parts are built for it.
    const python = readFileSync(join(TOOL, '.python'), 'utf8').trim();
    // In a folder of its own: Schemathesis keeps a cache of past failures where it runs, which would
    // replay them first and make one run depend on the last.
    const cwd = mkdtempSync(join(tmpdir(), 'schemathesis-'));
    const child = spawn(python, ['-m', 'schemathesis.cli', ...args], {
      cwd,
      env: { ...process.env, PYTHONPATH: TOOL, SCHEMATHESIS_HOOKS: HOOKS, NO_COLOR: '1', COLUMNS: '120' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

test('Schemathesis, driving the API from its own /docs-json with the API key, finds no disagreement', async (t) => {
  assert.ok(
    existsSync(TOOL),
    `no Schemathesis at ${TOOL}: run \`npm run install:schemathesis\` (needs python3 with pip)`,
  );
  const { code, output } = await schemathesis([
    'run',
    `${stack?.api.url}/docs-json`,
    '--seed',
    SEED,
    '--max-examples',
    MAX_EXAMPLES,
    '--phases',
    'examples,coverage,fuzzing',
    '--checks',
    CHECKS.join(','),
    '--header',
    `x-api-key: ${API_KEY}`,
    '--request-timeout',
    '10',
    ...NEEDS_SAVED_STATE.flatMap((id) => ['--exclude-operation-id', id]),
  ]);
  const summary = output.slice(output.lastIndexOf('SUMMARY'));
  assert.equal(code, 0, `Schemathesis reported failures:\n${output.slice(-12_000)}`);
  // A run that tested nothing would pass too: the document's operations were all reached.
  assert.match(summary, /Tested: 29\b/, summary); // every operation of the document less the two left out
  assert.match(summary, /\d+ generated/, summary);
  t.diagnostic(
    summary
      .split('\n')
      .filter((line) => /generated|passed|Tested/.test(line))
      .join(' | '),
  );
});
