// The VAPID key pair of `npm start`: made once and kept in the data directory, so test
// subscriptions made for it (and stored checkouts carrying them) keep working after a restart.
// Development only; deployments set VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY / VAPID_SUBJECT.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateVAPIDKeys } from 'web-push';

export const DEV_VAPID_KEYS_FILE = 'vapid-keys.json';
/** The contact a dev push claims; push services never see it, the local one only shows it. */
export const DEV_VAPID_SUBJECT = 'mailto:shop@example.com';

export type DevVapidSource = 'environment' | { file: string; created: boolean };

interface StoredKeys {
  publicKey: string;
  privateKey: string;
}

function readKeys(file: string): StoredKeys | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const keys = JSON.parse(text) as Partial<StoredKeys>;
  if (typeof keys.publicKey !== 'string' || typeof keys.privateKey !== 'string') {
    throw new Error(`${file} does not hold { publicKey, privateKey }: fix or delete it`);
  }
  return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}

/** Sets the VAPID variables for the worker unless the environment gave keys itself. */
export function provideDevVapidKeys(env: NodeJS.ProcessEnv, dataDir: string): DevVapidSource {
  if (env.VAPID_PUBLIC_KEY?.trim() || env.VAPID_PRIVATE_KEY?.trim()) return 'environment';
  const file = join(dataDir, DEV_VAPID_KEYS_FILE);
  let created = false;
  let keys = readKeys(file);
  if (!keys) {
    mkdirSync(dataDir, { recursive: true });
    try {
      // `wx`: of two starts racing, the first one's keys are kept and the second reads them.
      writeFileSync(file, `${JSON.stringify(generateVAPIDKeys(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      created = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    keys = readKeys(file);
    if (!keys) throw new Error(`could not keep VAPID keys in ${file}`);
  }
  env.VAPID_PUBLIC_KEY = keys.publicKey;
  env.VAPID_PRIVATE_KEY = keys.privateKey;
  env.VAPID_SUBJECT ||= DEV_VAPID_SUBJECT;
  return { file, created };
}
