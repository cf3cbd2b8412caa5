/**
 * Injection token of the customer preference store, or null when the API runs without a database
 * (no DATABASE_URL and not beside the worker): then preferences answer 503.
 */
export const PREFERENCE_STORE = 'PreferenceStore';
