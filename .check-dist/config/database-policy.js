Object.defineProperty(exports, '__esModule', { value: true });
exports.checkDatabase = checkDatabase;
// The embedded database (PGlite in DATA_DIR) is one process's: two replicas on it each keep a ledger
// of their own, so duplicate protection, the frequency cap and opt-outs split per pod. Outside
// development the worker and the API therefore refuse to start without DATABASE_URL, unless told
// on purpose (ALLOW_EMBEDDED_DATABASE=true: one machine, one process, data that may be lost).
const config_error_1 = require('./config-error');
/** Throws a ConfigError naming DATABASE_URL and the setting that allows the embedded engine. */
function checkDatabase(config) {
  if (!config.production || config.databaseUrl || config.allowEmbeddedDatabase) return;
  throw new config_error_1.ConfigError(
    'DATABASE_URL is not set: with NODE_ENV=production the worker and the API need a shared PostgreSQL ' +
      '(postgres://user:password@host:5432/db), else every replica keeps its own send ledger and opt-outs. ' +
      'Set ALLOW_EMBEDDED_DATABASE=true to run a single process on the embedded PGlite in DATA_DIR anyway',
  );
}
//# sourceMappingURL=database-policy.js.map
