// LOG_FORMAT: `json` (one object per line, for a log pipeline; the default with NODE_ENV=production)
// or `text` (the development default).
import { ConfigError } from './config-error';
import type { Env } from './parsers';

export type LogFormat = 'json' | 'text';

export function loadLogFormat(env: Env, production: boolean): LogFormat {
  const raw = env.LOG_FORMAT?.trim().toLowerCase();
  if (!raw) return production ? 'json' : 'text';
  if (raw === 'json' || raw === 'text') return raw;
  throw new ConfigError(`LOG_FORMAT must be "json" or "text", got "${env.LOG_FORMAT}"`);
}
