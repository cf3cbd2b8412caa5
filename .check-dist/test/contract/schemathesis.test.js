var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The OpenAPI document is the contract: Schemathesis (PyPI, brought into .tools/ by npm install,
// scripts/install-schemathesis.sh) drives the real API from its own /docs-json and fails on any
// disagreement: a server error, a status or body the document does not state, a request valid by
// the document refused, one invalid by it accepted, an undeclared method not answered 405.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_child_process_1 = require('node:child_process');
const node_fs_1 = require('node:fs');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const api_harness_1 = require('../api/support/api-harness');
const ROOT = (0, node_path_1.join)(
  __dirname,
  '..',
  '..',
  __dirname.includes((0, node_path_1.join)('dist', 'test')) ? '..' : '',
);
const TOOL = (0, node_path_1.join)(ROOT, '.tools', 'schemathesis');
const HOOKS = (0, node_path_1.join)(ROOT, 'test', 'contract', 'schemathesis_hooks.py');
const API_KEY = 'contract-test-api-key-0123456789abcdef';
/**
 * Left out, because this test runs no worker (workflows stay queued): GET /checkouts/{id} asks the
 * workflow (a query) and PUT /checkouts/{id}/schedule updates it, so each waits for its deadline
 * and answers 503 (or 500 on a workflow cancelled before its first task). Their inputs are the
 * same DTOs (CheckoutIdParams, ScheduleStepDto via POST /checkouts) the other routes exercise.
 */
const NEEDS_A_WORKER = ['CheckoutsController_status', 'CheckoutsController_reschedule'];
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
const api = (0, api_harness_1.useApi)({ API_KEY });
function schemathesis(args) {
  return new Promise((resolve, reject) => {
    // Asynchronously: the API answers from this very process.
    // The interpreter that installed it: the packages' compiled parts are built for it.
    const python = (0, node_fs_1.readFileSync)((0, node_path_1.join)(TOOL, '.python'), 'utf8').trim();
    // In a folder of its own: Schemathesis keeps a cache of past failures where it runs, which would
    // replay them first and make one run depend on the last.
    const cwd = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'schemathesis-'));
    const child = (0, node_child_process_1.spawn)(python, ['-m', 'schemathesis.cli', ...args], {
      cwd,
      env: { ...process.env, PYTHONPATH: TOOL, SCHEMATHESIS_HOOKS: HOOKS, NO_COLOR: '1', COLUMNS: '120' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      (0, node_fs_1.rmSync)(cwd, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}
(0, node_test_1.test)(
  'Schemathesis, driving the API from its own /docs-json with the API key, finds no disagreement',
  async (t) => {
    strict_1.default.ok(
      (0, node_fs_1.existsSync)(TOOL),
      `no Schemathesis at ${TOOL}: run \`npm run install:schemathesis\` (needs python3 with pip)`,
    );
    const { code, output } = await schemathesis([
      'run',
      `${api.url}/docs-json`,
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
      ...NEEDS_A_WORKER.flatMap((id) => ['--exclude-operation-id', id]),
    ]);
    const summary = output.slice(output.lastIndexOf('SUMMARY'));
    strict_1.default.equal(code, 0, `Schemathesis reported failures:\n${output.slice(-12_000)}`);
    // A run that tested nothing would pass too: the document's operations were all reached.
    strict_1.default.match(summary, /Tested: 13\b/, summary);
    strict_1.default.match(summary, /\d+ generated/, summary);
    t.diagnostic(
      summary
        .split('\n')
        .filter((line) => /generated|passed|Tested/.test(line))
        .join(' | '),
    );
  },
);
//# sourceMappingURL=schemathesis.test.js.map
