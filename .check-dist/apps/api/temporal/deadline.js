Object.defineProperty(exports, '__esModule', { value: true });
exports.withWorkerDeadline = withWorkerDeadline;
const common_1 = require('@nestjs/common');
const client_1 = require('@temporalio/client');
/**
 * Runs Temporal calls that need a worker (queries, updates) under a deadline: without a polling
 * worker the server holds them open, and an HTTP client should get a clear 503 instead of a hang.
 */
async function withWorkerDeadline(client, ms, what, fn, hint = 'try again later') {
  try {
    return await client.connection.withDeadline(Date.now() + ms, fn);
  } catch (err) {
    if ((0, client_1.isGrpcDeadlineError)(err) || err instanceof client_1.WorkflowUpdateRPCTimeoutOrCancelledError) {
      throw new common_1.ServiceUnavailableException(`no worker answered ${what} within ${ms / 1000}s; ${hint}`);
    }
    throw err;
  }
}
//# sourceMappingURL=deadline.js.map
