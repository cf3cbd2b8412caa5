Object.defineProperty(exports, '__esModule', { value: true });
exports.ANALYTICS_STORE = exports.EVENT_STORE = void 0;
/** Injection token of the analytics event stream (storage/event-store.ts), or null without a database. */
exports.EVENT_STORE = 'EventStore';
/** Injection token of the analytics' queries (storage/analytics-store.ts), or null without a database. */
exports.ANALYTICS_STORE = 'AnalyticsStore';
//# sourceMappingURL=event-store.token.js.map
