var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// What the worker's health endpoint answers for each state of the SDK's Worker: a draining worker is
// alive (killing it would cut its in-flight sends short) but takes no new work, so it is not ready.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const health_server_1 = require('../../apps/worker/health-server');
const sources = (state, database = 'up') => ({
  state: () => state,
  pingDatabase: () => (database === 'up' ? Promise.resolve() : Promise.reject(new Error('connection refused'))),
});
(0, node_test_1.describe)('the worker health reports', () => {
  (0, node_test_1.test)('RUNNING with the database up is live and ready', async () => {
    strict_1.default.equal((await (0, health_server_1.liveReport)(sources('RUNNING'))).status, 'ok');
    strict_1.default.deepEqual(await (0, health_server_1.readyReport)(sources('RUNNING')), {
      status: 'ok',
      worker: 'RUNNING',
      database: 'up',
    });
  });
  for (const state of ['DRAINING', 'STOPPING', 'DRAINED', 'STOPPED', undefined]) {
    (0, node_test_1.test)(`${state ?? 'starting'} is live but not ready`, async () => {
      strict_1.default.equal((await (0, health_server_1.liveReport)(sources(state))).status, 'ok');
      strict_1.default.equal((await (0, health_server_1.readyReport)(sources(state))).status, 'down');
    });
  }
  (0, node_test_1.test)('FAILED is not live: the orchestrator restarts it', async () => {
    strict_1.default.deepEqual(await (0, health_server_1.liveReport)(sources('FAILED')), {
      status: 'down',
      worker: 'FAILED',
    });
  });
  (0, node_test_1.test)('RUNNING without its database is not ready, naming the database', async () => {
    strict_1.default.deepEqual(await (0, health_server_1.readyReport)(sources('RUNNING', 'down')), {
      status: 'down',
      worker: 'RUNNING',
      database: 'down',
    });
  });
});
//# sourceMappingURL=health-report.test.js.map
