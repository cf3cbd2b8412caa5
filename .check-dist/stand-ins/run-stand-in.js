Object.defineProperty(exports, '__esModule', { value: true });
exports.runStandIn = runStandIn;
// How each stand-in runs as its own process: settings read (a bad one is a clear configuration
// error), served, and closed on SIGINT/SIGTERM.
const config_error_1 = require('../config/config-error');
function runStandIn(what, start) {
  start().then(
    (running) => {
      console.log(`${what} on ${running.url}`);
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err) => {
      console.error(
        err instanceof config_error_1.ConfigError
          ? `Configuration error: ${err.message}`
          : `${what} failed to start: ${String(err)}`,
      );
      process.exit(1);
    },
  );
}
//# sourceMappingURL=run-stand-in.js.map
