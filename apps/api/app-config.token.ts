/** Injection token of the AppConfig (an interface, so it needs a token of its own). */
export const APP_CONFIG = 'AppConfig';
