import { after } from 'node:test';
import { Client } from 'pg';

/**
 * A schema of its own on the PostgreSQL at `url` for the calling describe block, dropped after it:
 * test files run side by side against one database.
 */
export function usePostgresSchema(url: string, prefix: string): string {
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  after(async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
  });
  return schema;
}
