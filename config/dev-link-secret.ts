// The link signing secret of `npm start`: made once and kept in the data directory, so links in
// emails sent before a restart still work after it. Development only; deployments set
// LINK_SIGNING_SECRET themselves (loadConfig refuses to start without it).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEV_LINK_SECRET_FILE = 'link-signing-secret';

export const DEV_CUSTOMER_ID_SECRET_FILE = 'customer-id-secret';

/** `name`: the file in the data directory (the customer id secret of the legacy route is kept the same way). */
export function devLinkSecret(dataDir: string, name = DEV_LINK_SECRET_FILE): string {
  const file = join(dataDir, name);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx`: of two starts racing, the first one's secret is kept and the second reads it.
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const made = readSecret(file);
  if (!made) throw new Error(`could not keep a secret in ${file}`);
  return made;
}

function readSecret(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
