/** A setting is missing or malformed: the process should say which and stop at boot. */
export class ConfigError extends Error {}
