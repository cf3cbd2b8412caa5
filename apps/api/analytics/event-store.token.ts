/** Injection token of the analytics event stream (storage/event-store.ts), or null without a database. */
export const EVENT_STORE = 'EventStore';

/**
 * Injection token of a new checkout's one-statement record (storage/start-records.ts), or null: the
 * start then records through the event store and reads preferences and older checkouts separately.
 */
export const START_RECORDS = 'StartRecords';

/** Injection token of the analytics' queries (storage/analytics-store.ts), or null without a database. */
export const ANALYTICS_STORE = 'AnalyticsStore';
