// Payload encryption keys as PAYLOAD_ENCRYPTION_KEYS spells them: `id:base64,id:base64`. The first
// key encrypts everything new; every key decrypts, so a rotation puts the new key first and keeps
// the old ones for as long as histories written with them may be read.
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../config-error';

/** AES-256: 32 bytes. */
export const PAYLOAD_KEY_BYTES = 32;
// The id is stored in plain text next to every payload: short, printable, no separators.
const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;

export interface PayloadKey {
  id: string;
  key: Buffer;
}

function parseKey(entry: string, index: number, name: string): PayloadKey {
  const colon = entry.indexOf(':');
  const where = `${name} entry ${index + 1}`;
  if (colon === -1) throw new ConfigError(`${where} must be "<key id>:<base64 key>", got no ":"`);
  const id = entry.slice(0, colon).trim();
  const encoded = entry.slice(colon + 1).trim();
  if (!KEY_ID_PATTERN.test(id)) {
    throw new ConfigError(`${where}: key id "${id}" must be 1-64 letters, digits, ".", "_" or "-"`);
  }
  // Buffer.from(…, 'base64') skips characters it does not know; a typo must not become a different key.
  const key = Buffer.from(encoded, 'base64');
  if (!BASE64_PATTERN.test(encoded) || encoded.length % 4 !== 0 || key.toString('base64') !== encoded) {
    throw new ConfigError(`${where}: the key of "${id}" is not valid base64`);
  }
  if (key.length !== PAYLOAD_KEY_BYTES) {
    throw new ConfigError(
      `${where}: the key of "${id}" is ${key.length} bytes, AES-256 needs ${PAYLOAD_KEY_BYTES} (openssl rand -base64 32)`,
    );
  }
  return { id, key };
}

/** Parses and checks the key list; throws a ConfigError naming the entry at fault. */
export function parsePayloadKeys(spec: string, name = 'PAYLOAD_ENCRYPTION_KEYS'): PayloadKey[] {
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) throw new ConfigError(`${name} names no key`);
  const keys = entries.map((entry, i) => parseKey(entry, i, name));
  const seen = new Set<string>();
  for (const { id } of keys) {
    if (seen.has(id)) throw new ConfigError(`${name} names key id "${id}" twice: each id must be unique`);
    seen.add(id);
  }
  return keys;
}

/** A fresh `id:base64` entry with a random key. */
export function generatePayloadKeyEntry(id: string): string {
  return `${id}:${randomBytes(PAYLOAD_KEY_BYTES).toString('base64')}`;
}
