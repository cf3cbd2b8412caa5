Object.defineProperty(exports, '__esModule', { value: true });
exports.APP_CONFIG = void 0;
/** Injection token of the AppConfig (an interface, so it needs a token of its own). */
exports.APP_CONFIG = 'AppConfig';
//# sourceMappingURL=app-config.token.js.map
