Object.defineProperty(exports, '__esModule', { value: true });
exports.runMain = runMain;
const env_1 = require('../../config/env');
/**
 * Runs an entry point's `main`: a refused configuration prints "Configuration error: …", any other
 * failure "<what> failed: …" (or "failed: …"), and the process exits 1 either way.
 */
function runMain(main, what) {
  main().catch((err) => {
    const message = err instanceof Error ? err.message : String(err);
    const failed = what ? `${what} failed` : 'failed';
    console.error(err instanceof env_1.ConfigError ? `Configuration error: ${message}` : `${failed}: ${message}`);
    process.exit(1);
  });
}
//# sourceMappingURL=run-main.js.map
