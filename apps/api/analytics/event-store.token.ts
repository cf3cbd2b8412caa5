/** Injection token of the analytics event stream (storage/event-store.ts), or null without a database. */
export const EVENT_STORE = 'EventStore';

/** Injection token of the analytics' queries (storage/analytics-store.ts), or null without a database. */
export const ANALYTICS_STORE = 'AnalyticsStore';
