Object.defineProperty(exports, '__esModule', { value: true });
exports.loadLogFormat = loadLogFormat;
// LOG_FORMAT: `json` (one object per line, for a log pipeline; the default with NODE_ENV=production)
// or `text` (the development default).
const config_error_1 = require('./config-error');
function loadLogFormat(env, production) {
  const raw = env.LOG_FORMAT?.trim().toLowerCase();
  if (!raw) return production ? 'json' : 'text';
  if (raw === 'json' || raw === 'text') return raw;
  throw new config_error_1.ConfigError(`LOG_FORMAT must be "json" or "text", got "${env.LOG_FORMAT}"`);
}
//# sourceMappingURL=log-format.js.map
