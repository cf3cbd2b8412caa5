// Discount codes people can read aloud and type: no 0/O or 1/I/L, grouped in fours.
import { randomBytes } from 'node:crypto';

/** 31 symbols without look-alikes; 12 of them carry about 59 bits, far beyond guessing at a checkout. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;
export const CODE_PREFIX = 'BACK';
export const CODE_PATTERN = new RegExp(`^${CODE_PREFIX}(-[${CODE_ALPHABET}]{${GROUP_LENGTH}}){${GROUPS}}$`);

/** A fresh code from the OS's CSPRNG, e.g. BACK-7KQ2-M9XD-3FJP (uniform: rejection sampling). */
export function drawDiscountCode(): string {
  const symbols: string[] = [];
  const limit = 256 - (256 % CODE_ALPHABET.length); // bytes at or above it would bias the draw
  while (symbols.length < GROUPS * GROUP_LENGTH) {
    for (const byte of randomBytes(GROUPS * GROUP_LENGTH * 2)) {
      if (byte < limit && symbols.length < GROUPS * GROUP_LENGTH)
        symbols.push(CODE_ALPHABET[byte % CODE_ALPHABET.length] as string);
    }
  }
  const groups = Array.from({ length: GROUPS }, (_, i) =>
    symbols.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''),
  );
  return [CODE_PREFIX, ...groups].join('-');
}
