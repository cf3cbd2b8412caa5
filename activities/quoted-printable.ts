// Quoted-printable (RFC 2045 §6.7) in one pass over the UTF-8 bytes into one buffer. The message
// parts are encoded here, not by the MIME library: its encoder works a character at a time through
// strings and regular expressions, and was most of a reminder's MIME CPU (14 KB of HTML, bench profile).
// Same output rules: lines of at most 76 characters, soft breaks `=` CRLF that never split an `=XX`
// or a character's bytes, hard line breaks as CRLF, `=` and bytes outside printable ASCII as `=XX`,
// and a space or tab that ends a line encoded so that no transport can strip it.

/** The longest encoded line, `=` of a soft break included (rule 5). */
const MAX_LINE = 76;
const HEX = Buffer.from('0123456789ABCDEF', 'latin1');
const EQUALS = 0x3d;
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;

/** Printable ASCII but `=` (rules 1, 2); space and tab unless they end a line (rule 3). */
const LITERAL = new Uint8Array(256);
for (let b = 0x21; b <= 0x7e; b++) LITERAL[b] = b === EQUALS ? 0 : 1;
/** Literal wherever they stand: most of a message, copied without looking further. */
const PLAIN = LITERAL.slice();
LITERAL[SPACE] = 1;
LITERAL[TAB] = 1;

/** `text` as a quoted-printable body with CRLF line ends; LF and CRLF in it are both hard breaks. */
export function quotedPrintable(text: string): string {
  const input = Buffer.from(text, 'utf8');
  // Worst case: every byte as =XX, and a soft break at least every 60 characters (a 4-byte
  // character is 12 of them, so a line breaks early by at most 11).
  const out = Buffer.allocUnsafe(input.length * 3 + Math.ceil((input.length * 3) / 60) * 3 + 3);
  return out.toString('latin1', 0, encodeInto(input, out));
}

/** The loop alone: inside `quotedPrintable`, its optimised code was thrown away at the `toString` after it on every call (--trace-deopt). */
function encodeInto(input: Uint8Array, out: Uint8Array): number {
  let o = 0;
  let lineLength = 0;
  const n = input.length;
  for (let i = 0; i < n; i++) {
    const b = input[i] as number;
    if (PLAIN[b] === 1 && lineLength < MAX_LINE - 1) {
      out[o++] = b;
      lineLength++;
      continue;
    }
    if (b === LF || (b === CR && i + 1 < n && input[i + 1] === LF)) {
      if (b === CR) i++;
      out[o++] = CR;
      out[o++] = LF;
      lineLength = 0;
      continue;
    }
    // A character's UTF-8 bytes stay on one line: some readers decode line by line.
    const size = b < 0xc0 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    const j = i + size; // the next character (bounds checked: reading past a buffer is slow)
    const endsLine = j >= n || input[j] === LF || (input[j] === CR && j + 1 < n && input[j + 1] === LF);
    const literal = size === 1 && LITERAL[b] === 1 && !((b === SPACE || b === TAB) && endsLine);
    const width = literal ? 1 : 3 * size;
    // Room for this token and, unless the line ends right after it, the `=` of a soft break.
    if (lineLength + width > (endsLine ? MAX_LINE : MAX_LINE - 1)) {
      out[o++] = EQUALS;
      out[o++] = CR;
      out[o++] = LF;
      lineLength = 0;
    }
    if (literal) out[o++] = b;
    else {
      for (let k = i; k < j && k < n; k++) {
        const byte = input[k] as number;
        out[o++] = EQUALS;
        out[o++] = HEX[byte >> 4] as number;
        out[o++] = HEX[byte & 0x0f] as number;
      }
      i = j - 1;
    }
    lineLength += width;
  }
  return o;
}
