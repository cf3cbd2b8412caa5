import { ServiceUnavailableException } from '@nestjs/common';
import { type Client, isGrpcDeadlineError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/**
 * Runs Temporal calls that need a worker (queries, updates) under a deadline: without a polling
 * worker the server holds them open, and an HTTP client should get a clear 503 instead of a hang.
 */
export async function withWorkerDeadline<T>(
  client: Client,
  ms: number,
  what: string,
  fn: () => Promise<T>,
  hint = 'try again later',
): Promise<T> {
  try {
    return await client.connection.withDeadline(Date.now() + ms, fn);
  } catch (err) {
    if (isGrpcDeadlineError(err) || err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
      throw new ServiceUnavailableException(`no worker answered ${what} within ${ms / 1000}s; ${hint}`);
    }
    throw err;
  }
}
