Object.defineProperty(exports, '__esModule', { value: true });
exports.PREFERENCE_STORE = void 0;
/**
 * Injection token of the customer preference store, or null when the API runs without a database
 * (no DATABASE_URL and not beside the worker): then preferences answer 503.
 */
exports.PREFERENCE_STORE = 'PreferenceStore';
//# sourceMappingURL=preference-store.token.js.map
