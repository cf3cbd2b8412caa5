// Whether payloads are encrypted before they reach Temporal, and with which keys.
import { ConfigError } from '../config-error';
import type { Env } from '../parsers';
import { type PayloadKey, parsePayloadKeys } from './payload-keys';

/** Payload encryption: on with its keys (the first encrypts), or explicitly off. */
export type EncryptionConfig = { enabled: true; keys: PayloadKey[] } | { enabled: false };

/**
 * PAYLOAD_ENCRYPTION_KEYS is required: customer data must not reach Temporal in plain text by
 * accident. PAYLOAD_ENCRYPTION=off is the explicit, documented way to run without it.
 */
export function loadEncryption(env: Env = process.env): EncryptionConfig {
  const mode = (env.PAYLOAD_ENCRYPTION || 'on').toLowerCase();
  const keys = env.PAYLOAD_ENCRYPTION_KEYS?.trim() || undefined;
  if (mode === 'off') {
    if (keys) throw new ConfigError('PAYLOAD_ENCRYPTION=off and PAYLOAD_ENCRYPTION_KEYS are both set: unset one');
    return { enabled: false };
  }
  if (mode !== 'on') throw new ConfigError(`PAYLOAD_ENCRYPTION must be "on" or "off", got "${env.PAYLOAD_ENCRYPTION}"`);
  if (!keys) {
    throw new ConfigError(
      'PAYLOAD_ENCRYPTION_KEYS is not set: give "<key id>:<base64 of 32 random bytes>" (openssl rand -base64 32), ' +
        'the same on API and worker, or set PAYLOAD_ENCRYPTION=off to store customer data in Temporal unencrypted',
    );
  }
  return { enabled: true, keys: parsePayloadKeys(keys) };
}
