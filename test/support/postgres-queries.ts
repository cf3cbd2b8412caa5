import { Client } from 'pg';

/**
 * The SQL node-postgres sends (from any pool in this process) while `work` runs: how many round trips
 * a piece of code costs, and which statements.
 */
export async function queriesDuring(work: () => Promise<unknown>): Promise<string[]> {
  const query = Client.prototype.query;
  const sent: string[] = [];
  Client.prototype.query = function recorded(this: Client, ...args: unknown[]) {
    const [first] = args;
    sent.push(typeof first === 'string' ? first : String((first as { text?: string }).text));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    Client.prototype.query = query;
  }
  return sent;
}
