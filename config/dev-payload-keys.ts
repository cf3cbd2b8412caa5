// `npm start`'s payload key. PAYLOAD_ENCRYPTION_KEYS from the environment wins; otherwise a key is
// generated on the first start and kept in DATA_DIR/payload-keys next to the dev server's SQLite
// file, so the next start still decrypts the checkouts that sleep in it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { generatePayloadKeyEntry, parsePayloadKeys } from './encryption/payload-keys';

export const DEV_PAYLOAD_KEYS_FILE = 'payload-keys';

export type DevKeySource = 'environment' | 'off' | { file: string; created: boolean };

function readKeys(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Sets `env.PAYLOAD_ENCRYPTION_KEYS` for the worker and API unless the environment decided already. */
export function provideDevPayloadKeys(env: NodeJS.ProcessEnv, dataDir: string): DevKeySource {
  if (env.PAYLOAD_ENCRYPTION_KEYS?.trim()) return 'environment';
  if (env.PAYLOAD_ENCRYPTION?.toLowerCase() === 'off') return 'off';
  const file = join(dataDir, DEV_PAYLOAD_KEYS_FILE);
  let keys = readKeys(file);
  let created = false;
  if (keys === undefined) {
    mkdirSync(dataDir, { recursive: true });
    keys = generatePayloadKeyEntry(`dev-${randomBytes(3).toString('hex')}`);
    // 'wx': never overwrite a key file, which would make everything encrypted with it unreadable.
    writeFileSync(file, `${keys}\n`, { mode: 0o600, flag: 'wx' });
    created = true;
  }
  try {
    parsePayloadKeys(keys, file);
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(`${err.message} (fix or restore ${file})`);
    throw err;
  }
  env.PAYLOAD_ENCRYPTION_KEYS = keys;
  return { file, created };
}
