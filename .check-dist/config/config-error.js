Object.defineProperty(exports, '__esModule', { value: true });
exports.ConfigError = void 0;
/** A setting is missing or malformed: the process should say which and stop at boot. */
class ConfigError extends Error {}
exports.ConfigError = ConfigError;
//# sourceMappingURL=config-error.js.map
