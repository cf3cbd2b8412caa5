var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// LOG_FORMAT: JSON lines by default in production, text in development, junk refused by name.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const process_log_1 = require('../../apps/shared/process-log');
const log_format_1 = require('../../config/log-format');
(0, node_test_1.describe)('the log format', () => {
  (0, node_test_1.test)('json in production, text in development, either on request', () => {
    strict_1.default.equal((0, log_format_1.loadLogFormat)({}, true), 'json');
    strict_1.default.equal((0, log_format_1.loadLogFormat)({}, false), 'text');
    strict_1.default.equal((0, log_format_1.loadLogFormat)({ LOG_FORMAT: 'text' }, true), 'text');
    strict_1.default.equal((0, log_format_1.loadLogFormat)({ LOG_FORMAT: 'JSON' }, false), 'json');
    strict_1.default.throws(
      () => (0, log_format_1.loadLogFormat)({ LOG_FORMAT: 'xml' }, true),
      /LOG_FORMAT must be "json" or "text", got "xml"/,
    );
  });
  (0, node_test_1.test)(
    'an SDK log entry becomes one JSON object with its correlation fields beside the message',
    () => {
      const line = (0, process_log_1.jsonLogLine)({
        level: 'WARN',
        message: 'Activity failed',
        timestampNanos: 1700000000000000000n,
        meta: { workflowId: 'checkout-co-1', runId: 'r-1', activityId: '3', taskQueue: 'checkout-recovery' },
      });
      strict_1.default.deepEqual(JSON.parse(line), {
        time: '2023-11-14T22:13:20.000Z',
        level: 'WARN',
        message: 'Activity failed',
        workflowId: 'checkout-co-1',
        runId: 'r-1',
        activityId: '3',
        taskQueue: 'checkout-recovery',
      });
    },
  );
});
//# sourceMappingURL=log-format.test.js.map
