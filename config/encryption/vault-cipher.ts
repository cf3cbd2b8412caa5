// AES-256-GCM for the customer vault's rows (saved addresses, payment tokens), with the same key
// ring as the payloads (config/encryption/payload-keys.ts): the first key seals, every key opens,
// so a rotation puts a new key first and keeps the old ones until the rows are re-sealed. The
// associated data binds each row to its customer and id: a sealed value copied to another row fails.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PayloadKey } from './payload-keys';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

export class VaultCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly current: PayloadKey;

  constructor(keys: readonly PayloadKey[]) {
    const [first] = keys;
    if (!first) throw new Error('VaultCipher needs at least one key');
    this.current = first;
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
  }

  /** `v1.<key id>.<base64 of iv ‖ ciphertext ‖ tag>` of the JSON of `value`. */
  seal(value: unknown, binding: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, this.current.key, iv);
    cipher.setAAD(associatedData(this.current.id, binding));
    const data = Buffer.concat([
      iv,
      cipher.update(Buffer.from(JSON.stringify(value))),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return `${FORMAT}.${this.current.id}.${data.toString('base64')}`;
  }

  open<T>(sealed: string, binding: string): T {
    const [format, keyId, body] = sealed.split('.');
    if (format !== FORMAT || !keyId || !body) throw new Error('vault value has an unknown format');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`vault value was sealed with key "${keyId}", which is not configured`);
    const data = Buffer.from(body, 'base64');
    const decipher = createDecipheriv(CIPHER, key, data.subarray(0, IV_BYTES));
    decipher.setAAD(associatedData(keyId, binding));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }

  /** Whether `sealed` is under the current key (re-seal the others after a rotation). */
  isCurrent(sealed: string): boolean {
    return sealed.split('.')[1] === this.current.id;
  }
}

const associatedData = (keyId: string, binding: string) =>
  Buffer.from(`checkout-recovery/vault/${FORMAT}\0${keyId}\0${binding}`);
