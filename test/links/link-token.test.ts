import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type LinkClaims, MAX_TOKEN_LENGTH, signLink, verifyLink } from '../../apps/shared/link-token';

const SECRET = 'current-secret-0123456789-0123456789-abc';
const OLD_SECRET = 'previous-secret-0123456789-0123456789-xyz';
const NOW = Date.parse('2030-01-01T00:00:00Z');
const IN_A_WEEK = NOW / 1000 + 7 * 86_400;

const resume: LinkClaims = {
  purpose: 'resume',
  checkoutId: 'co-1001',
  customerId: 'c-42',
  step: 2,
  expiresAt: IN_A_WEEK,
  target: 'https://shop.example.com/checkout/co-1001?resume=1&src=email',
};
const unsubscribe: LinkClaims = {
  purpose: 'unsubscribe',
  checkoutId: 'co:1/ä?',
  customerId: 'c-42',
  step: 1,
  expiresAt: IN_A_WEEK,
};

/** Flips one character of the token at `index` to another base64url character. */
function flipAt(token: string, index: number): string {
  const c = token[index];
  return `${token.slice(0, index)}${c === 'A' ? 'B' : 'A'}${token.slice(index + 1)}`;
}

describe('link tokens', () => {
  it('round trip: a signed link verifies to the claims it was signed with', () => {
    for (const claims of [resume, unsubscribe]) {
      const token = signLink(claims, [SECRET]);
      assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/, 'base64url payload and a 32-byte signature');
      assert.deepEqual(verifyLink(token, claims.purpose, [SECRET], NOW), { ok: true, claims });
    }
  });

  it('is URL-safe as it is: it goes into a path and a query unescaped', () => {
    const token = signLink(resume, [SECRET]);
    assert.equal(encodeURIComponent(token), token);
  });

  it('rejects a token whose payload or signature was changed as tampered', () => {
    const token = signLink(resume, [SECRET]);
    const dot = token.indexOf('.');
    assert.deepEqual(verifyLink(flipAt(token, 3), 'resume', [SECRET], NOW), { ok: false, reason: 'tampered' });
    assert.deepEqual(verifyLink(flipAt(token, dot + 5), 'resume', [SECRET], NOW), { ok: false, reason: 'tampered' });

    // A payload rewritten to another checkout and a later expiry, with the old signature.
    const forged = Buffer.from(
      JSON.stringify({ v: 1, p: 'r', c: 'co-other', u: 'c-42', s: 2, e: IN_A_WEEK * 2, t: 'https://evil.example' }),
    ).toString('base64url');
    assert.deepEqual(verifyLink(`${forged}${token.slice(dot)}`, 'resume', [SECRET], NOW), {
      ok: false,
      reason: 'tampered',
    });
  });

  it('rejects a token signed with a secret it does not know as tampered', () => {
    const token = signLink(resume, ['someone-elses-secret-0123456789-0123456789']);
    assert.deepEqual(verifyLink(token, 'resume', [SECRET], NOW), { ok: false, reason: 'tampered' });
  });

  it('rejects what is not a token at all as malformed, without throwing', () => {
    const token = signLink(resume, [SECRET]);
    for (const bad of [
      undefined,
      42,
      ['a.b'],
      '',
      '.',
      'abc',
      `${token}.extra`,
      token.replace('.', ''),
      `${token.slice(0, 10)}!${token.slice(11)}`,
      `${'a'.repeat(MAX_TOKEN_LENGTH)}.${'b'.repeat(43)}`,
    ]) {
      assert.deepEqual(verifyLink(bad, 'resume', [SECRET], NOW), { ok: false, reason: 'malformed' }, String(bad));
    }
  });

  it('rejects an expired link with the reason "expired" and still tells whose it was', () => {
    const token = signLink(unsubscribe, [SECRET]);
    const justBefore = (IN_A_WEEK - 1) * 1000;
    assert.equal(verifyLink(token, 'unsubscribe', [SECRET], justBefore).ok, true);
    const verdict = verifyLink(token, 'unsubscribe', [SECRET], IN_A_WEEK * 1000);
    assert.deepEqual(verdict, { ok: false, reason: 'expired', claims: unsubscribe });
  });

  it('a tampered expired link is tampered, not expired: its claims cannot be trusted', () => {
    const token = signLink(unsubscribe, [SECRET]);
    assert.deepEqual(verifyLink(flipAt(token, 3), 'unsubscribe', [SECRET], IN_A_WEEK * 2000), {
      ok: false,
      reason: 'tampered',
    });
  });

  it('a resume link cannot unsubscribe, nor an unsubscribe link redirect', () => {
    assert.deepEqual(verifyLink(signLink(resume, [SECRET]), 'unsubscribe', [SECRET], NOW), {
      ok: false,
      reason: 'wrong-purpose',
    });
    assert.deepEqual(verifyLink(signLink(unsubscribe, [SECRET]), 'resume', [SECRET], NOW), {
      ok: false,
      reason: 'wrong-purpose',
    });
  });

  it('rotation: the first secret signs, and links signed with an older secret still verify', () => {
    const oldLink = signLink(unsubscribe, [OLD_SECRET]);
    const rotated = [SECRET, OLD_SECRET];
    assert.deepEqual(verifyLink(oldLink, 'unsubscribe', rotated, NOW), { ok: true, claims: unsubscribe });

    const newLink = signLink(unsubscribe, rotated);
    assert.equal(verifyLink(newLink, 'unsubscribe', [SECRET], NOW).ok, true, 'signed with the first secret');
    assert.deepEqual(verifyLink(newLink, 'unsubscribe', [OLD_SECRET], NOW), { ok: false, reason: 'tampered' });

    // Once the old secret is dropped, its links stop working.
    assert.deepEqual(verifyLink(oldLink, 'unsubscribe', [SECRET], NOW), { ok: false, reason: 'tampered' });
  });

  it('refuses to sign without a secret', () => {
    assert.throws(() => signLink(resume, []), /no link signing secret/);
  });

  it('accepts a signature only in its one canonical base64url spelling', () => {
    const token = signLink(resume, [SECRET]);
    const dot = token.indexOf('.');
    const [payload, sig] = [token.slice(0, dot), token.slice(dot + 1)];
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 32 bytes are 43 characters; the last one carries 4 bits and 2 unused ones. The 3 other
    // characters that differ only in those unused bits decode to the same bytes.
    const last = ALPHABET.indexOf(sig.slice(-1));
    const variants = [1, 2, 3].map((low) => `${sig.slice(0, -1)}${ALPHABET[(last & ~3) | ((last + low) & 3)]}`);
    for (const variant of variants) {
      assert.deepEqual(Buffer.from(variant, 'base64url'), Buffer.from(sig, 'base64url'), 'the same bytes');
      assert.deepEqual(verifyLink(`${payload}.${variant}`, 'resume', [SECRET], NOW), {
        ok: false,
        reason: 'malformed',
      });
    }
    assert.equal(verifyLink(`${payload}.${sig}=`, 'resume', [SECRET], NOW).ok, false, 'padded');
    // A signature with a "-" or "_", spelled in the standard alphabet ("+", "/") instead.
    const withUrlChars = Array.from({ length: 50 }, (_, i) => signLink({ ...resume, step: i }, [SECRET])).find((t) =>
      /[-_]/.test(t.slice(t.indexOf('.') + 1)),
    );
    assert.ok(withUrlChars);
    const [p, s] = withUrlChars.split('.') as [string, string];
    const standard = `${p}.${s.replaceAll('-', '+').replaceAll('_', '/')}`;
    assert.equal(verifyLink(standard, 'resume', [SECRET], NOW).ok, false, standard);
  });

  it('property: of all the spellings of a genuine link, only the one it was signed as verifies', () => {
    const token = signLink(resume, [SECRET]);
    fc.assert(
      fc.property(
        // The last character half the time: that is where the unused bits are.
        fc.oneof(fc.constant(token.length - 1), fc.integer({ min: 0, max: token.length - 1 })),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/='),
        (at, c) => {
          const changed = `${token.slice(0, at)}${c}${token.slice(at + 1)}`;
          if (changed === token) return;
          assert.equal(verifyLink(changed, 'resume', [SECRET], NOW).ok, false, changed);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
