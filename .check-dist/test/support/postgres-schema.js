Object.defineProperty(exports, '__esModule', { value: true });
exports.usePostgresSchema = usePostgresSchema;
const node_test_1 = require('node:test');
const pg_1 = require('pg');
/**
 * A schema of its own on the PostgreSQL at `url` for the calling describe block, dropped after it:
 * test files run side by side against one database.
 */
function usePostgresSchema(url, prefix) {
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  (0, node_test_1.after)(async () => {
    const client = new pg_1.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
  });
  return schema;
}
//# sourceMappingURL=postgres-schema.js.map
