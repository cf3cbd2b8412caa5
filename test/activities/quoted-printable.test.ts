import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quotedPrintable } from '../../activities/quoted-printable';

/** RFC 2045 §6.7 decoding, as a reader does it: soft breaks vanish, `=XX` is a byte. */
function decode(qp: string): string {
  const bytes: number[] = [];
  const body = qp.replace(/=\r\n/g, '');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '=') {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(body.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The rules a transport relies on, line by line; the reason for the first broken one. */
function brokenRule(qp: string): string | undefined {
  for (const line of qp.split('\r\n')) {
    if (line.length > 76) return `line of ${line.length}: ${line}`;
    if (/[^\x20-\x7e\t]/.test(line)) return `unencoded byte in: ${line}`;
    if (/[ \t]$/.test(line)) return `trailing whitespace in: ${JSON.stringify(line)}`;
    if (/=(?![0-9A-F]{2}|$)/.test(line)) return `split or bad escape in: ${line}`;
    // A soft break between a character's bytes: the line ends inside a UTF-8 sequence.
    const escapes = line.match(/(=[0-9A-F]{2})+=$/)?.[0];
    if (escapes) {
      const last = escapes.slice(0, -1).match(/=[0-9A-F]{2}/g) ?? [];
      const bytes = last.map((e) => Number.parseInt(e.slice(1), 16));
      let lead = bytes.length - 1;
      while (lead > 0 && ((bytes[lead] as number) & 0xc0) === 0x80) lead--;
      const first = bytes[lead] as number;
      const size = first < 0xc0 ? 1 : first < 0xe0 ? 2 : first < 0xf0 ? 3 : 4;
      if (first >= 0x80 && bytes.length - lead < size) return `a character split across lines: ${line}`;
    }
  }
  return undefined;
}

const PIECES = ['a', 'Z', ' ', '\t', '=', '.', 'ä', '€', '日本', '😀', '\n', '\r\n', '\r', '<a href="x">', 'word '];

function randomText(seed: number, length: number): string {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[next() % PIECES.length];
  return text;
}

describe('quoted-printable bodies', () => {
  it('decodes to the text, with every line break as CRLF', () => {
    const text = 'Hallo Ada,\n\nDein Warenkorb wartet: 1.234,50 €\r\nx=1 😀 日本\tend';
    assert.equal(decode(quotedPrintable(text)), text.replace(/\r?\n/g, '\r\n'));
  });

  it('encodes =, non-ASCII bytes and a lone CR, and keeps printable ASCII as it is', () => {
    assert.equal(quotedPrintable('a=b ä\rc'), 'a=3Db =C3=A4=0Dc');
  });

  it('encodes a space or tab that ends a line, so no transport strips it', () => {
    assert.equal(quotedPrintable('end \nnext\t'), 'end=20\r\nnext=09');
  });

  it('folds long lines at 76 characters with soft breaks that split neither an escape nor a character', () => {
    const long = `${'x'.repeat(74)}==${'ü'.repeat(40)}${'😀'.repeat(20)}`;
    const qp = quotedPrintable(long);
    assert.equal(brokenRule(qp), undefined);
    assert.ok(qp.split('\r\n').length > 5, 'folded');
    assert.equal(decode(qp), long);
  });

  it('keeps every rule and decodes back for 2,000 generated texts', () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const text = randomText(seed, 1 + (seed % 300));
      const qp = quotedPrintable(text);
      assert.equal(brokenRule(qp), undefined, `seed ${seed}`);
      assert.equal(decode(qp), text.replace(/\r?\n/g, '\r\n'), `seed ${seed}`);
    }
  });
});
