var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const fast_check_1 = __importDefault(require('fast-check'));
const link_token_1 = require('../../apps/shared/link-token');
const SECRET = 'current-secret-0123456789-0123456789-abc';
const OLD_SECRET = 'previous-secret-0123456789-0123456789-xyz';
const NOW = Date.parse('2030-01-01T00:00:00Z');
const IN_A_WEEK = NOW / 1000 + 7 * 86_400;
const resume = {
  purpose: 'resume',
  checkoutId: 'co-1001',
  customerId: 'c-42',
  step: 2,
  expiresAt: IN_A_WEEK,
  target: 'https://shop.example.com/checkout/co-1001?resume=1&src=email',
};
const unsubscribe = {
  purpose: 'unsubscribe',
  checkoutId: 'co:1/ä?',
  customerId: 'c-42',
  step: 1,
  expiresAt: IN_A_WEEK,
};
/** Flips one character of the token at `index` to another base64url character. */
function flipAt(token, index) {
  const c = token[index];
  return `${token.slice(0, index)}${c === 'A' ? 'B' : 'A'}${token.slice(index + 1)}`;
}
(0, node_test_1.describe)('link tokens', () => {
  (0, node_test_1.it)('round trip: a signed link verifies to the claims it was signed with', () => {
    for (const claims of [resume, unsubscribe]) {
      const token = (0, link_token_1.signLink)(claims, [SECRET]);
      strict_1.default.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/, 'base64url payload and a 32-byte signature');
      strict_1.default.deepEqual((0, link_token_1.verifyLink)(token, claims.purpose, [SECRET], NOW), {
        ok: true,
        claims,
      });
    }
  });
  (0, node_test_1.it)('is URL-safe as it is: it goes into a path and a query unescaped', () => {
    const token = (0, link_token_1.signLink)(resume, [SECRET]);
    strict_1.default.equal(encodeURIComponent(token), token);
  });
  (0, node_test_1.it)('rejects a token whose payload or signature was changed as tampered', () => {
    const token = (0, link_token_1.signLink)(resume, [SECRET]);
    const dot = token.indexOf('.');
    strict_1.default.deepEqual((0, link_token_1.verifyLink)(flipAt(token, 3), 'resume', [SECRET], NOW), {
      ok: false,
      reason: 'tampered',
    });
    strict_1.default.deepEqual((0, link_token_1.verifyLink)(flipAt(token, dot + 5), 'resume', [SECRET], NOW), {
      ok: false,
      reason: 'tampered',
    });
    // A payload rewritten to another checkout and a later expiry, with the old signature.
    const forged = Buffer.from(
      JSON.stringify({ v: 1, p: 'r', c: 'co-other', u: 'c-42', s: 2, e: IN_A_WEEK * 2, t: 'https://evil.example' }),
    ).toString('base64url');
    strict_1.default.deepEqual((0, link_token_1.verifyLink)(`${forged}${token.slice(dot)}`, 'resume', [SECRET], NOW), {
      ok: false,
      reason: 'tampered',
    });
  });
  (0, node_test_1.it)('rejects a token signed with a secret it does not know as tampered', () => {
    const token = (0, link_token_1.signLink)(resume, ['someone-elses-secret-0123456789-0123456789']);
    strict_1.default.deepEqual((0, link_token_1.verifyLink)(token, 'resume', [SECRET], NOW), {
      ok: false,
      reason: 'tampered',
    });
  });
  (0, node_test_1.it)('rejects what is not a token at all as malformed, without throwing', () => {
    const token = (0, link_token_1.signLink)(resume, [SECRET]);
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
      `${'a'.repeat(link_token_1.MAX_TOKEN_LENGTH)}.${'b'.repeat(43)}`,
    ]) {
      strict_1.default.deepEqual(
        (0, link_token_1.verifyLink)(bad, 'resume', [SECRET], NOW),
        { ok: false, reason: 'malformed' },
        String(bad),
      );
    }
  });
  (0, node_test_1.it)('rejects an expired link with the reason "expired" and still tells whose it was', () => {
    const token = (0, link_token_1.signLink)(unsubscribe, [SECRET]);
    const justBefore = (IN_A_WEEK - 1) * 1000;
    strict_1.default.equal((0, link_token_1.verifyLink)(token, 'unsubscribe', [SECRET], justBefore).ok, true);
    const verdict = (0, link_token_1.verifyLink)(token, 'unsubscribe', [SECRET], IN_A_WEEK * 1000);
    strict_1.default.deepEqual(verdict, { ok: false, reason: 'expired', claims: unsubscribe });
  });
  (0, node_test_1.it)('a tampered expired link is tampered, not expired: its claims cannot be trusted', () => {
    const token = (0, link_token_1.signLink)(unsubscribe, [SECRET]);
    strict_1.default.deepEqual(
      (0, link_token_1.verifyLink)(flipAt(token, 3), 'unsubscribe', [SECRET], IN_A_WEEK * 2000),
      {
        ok: false,
        reason: 'tampered',
      },
    );
  });
  (0, node_test_1.it)('a resume link cannot unsubscribe, nor an unsubscribe link redirect', () => {
    strict_1.default.deepEqual(
      (0, link_token_1.verifyLink)((0, link_token_1.signLink)(resume, [SECRET]), 'unsubscribe', [SECRET], NOW),
      {
        ok: false,
        reason: 'wrong-purpose',
      },
    );
    strict_1.default.deepEqual(
      (0, link_token_1.verifyLink)((0, link_token_1.signLink)(unsubscribe, [SECRET]), 'resume', [SECRET], NOW),
      {
        ok: false,
        reason: 'wrong-purpose',
      },
    );
  });
  (0, node_test_1.it)('rotation: the first secret signs, and links signed with an older secret still verify', () => {
    const oldLink = (0, link_token_1.signLink)(unsubscribe, [OLD_SECRET]);
    const rotated = [SECRET, OLD_SECRET];
    strict_1.default.deepEqual((0, link_token_1.verifyLink)(oldLink, 'unsubscribe', rotated, NOW), {
      ok: true,
      claims: unsubscribe,
    });
    const newLink = (0, link_token_1.signLink)(unsubscribe, rotated);
    strict_1.default.equal(
      (0, link_token_1.verifyLink)(newLink, 'unsubscribe', [SECRET], NOW).ok,
      true,
      'signed with the first secret',
    );
    strict_1.default.deepEqual((0, link_token_1.verifyLink)(newLink, 'unsubscribe', [OLD_SECRET], NOW), {
      ok: false,
      reason: 'tampered',
    });
    // Once the old secret is dropped, its links stop working.
    strict_1.default.deepEqual((0, link_token_1.verifyLink)(oldLink, 'unsubscribe', [SECRET], NOW), {
      ok: false,
      reason: 'tampered',
    });
  });
  (0, node_test_1.it)('refuses to sign without a secret', () => {
    strict_1.default.throws(() => (0, link_token_1.signLink)(resume, []), /no link signing secret/);
  });
  (0, node_test_1.it)('accepts a signature only in its one canonical base64url spelling', () => {
    const token = (0, link_token_1.signLink)(resume, [SECRET]);
    const dot = token.indexOf('.');
    const [payload, sig] = [token.slice(0, dot), token.slice(dot + 1)];
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 32 bytes are 43 characters; the last one carries 4 bits and 2 unused ones. The 3 other
    // characters that differ only in those unused bits decode to the same bytes.
    const last = ALPHABET.indexOf(sig.slice(-1));
    const variants = [1, 2, 3].map((low) => `${sig.slice(0, -1)}${ALPHABET[(last & ~3) | ((last + low) & 3)]}`);
    for (const variant of variants) {
      strict_1.default.deepEqual(Buffer.from(variant, 'base64url'), Buffer.from(sig, 'base64url'), 'the same bytes');
      strict_1.default.deepEqual((0, link_token_1.verifyLink)(`${payload}.${variant}`, 'resume', [SECRET], NOW), {
        ok: false,
        reason: 'malformed',
      });
    }
    strict_1.default.equal(
      (0, link_token_1.verifyLink)(`${payload}.${sig}=`, 'resume', [SECRET], NOW).ok,
      false,
      'padded',
    );
    // A signature with a "-" or "_", spelled in the standard alphabet ("+", "/") instead.
    const withUrlChars = Array.from({ length: 50 }, (_, i) =>
      (0, link_token_1.signLink)({ ...resume, step: i }, [SECRET]),
    ).find((t) => /[-_]/.test(t.slice(t.indexOf('.') + 1)));
    strict_1.default.ok(withUrlChars);
    const [p, s] = withUrlChars.split('.');
    const standard = `${p}.${s.replaceAll('-', '+').replaceAll('_', '/')}`;
    strict_1.default.equal((0, link_token_1.verifyLink)(standard, 'resume', [SECRET], NOW).ok, false, standard);
  });
  (0, node_test_1.it)(
    'property: of all the spellings of a genuine link, only the one it was signed as verifies',
    () => {
      const token = (0, link_token_1.signLink)(resume, [SECRET]);
      fast_check_1.default.assert(
        fast_check_1.default.property(
          // The last character half the time: that is where the unused bits are.
          fast_check_1.default.oneof(
            fast_check_1.default.constant(token.length - 1),
            fast_check_1.default.integer({ min: 0, max: token.length - 1 }),
          ),
          fast_check_1.default.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/='),
          (at, c) => {
            const changed = `${token.slice(0, at)}${c}${token.slice(at + 1)}`;
            if (changed === token) return;
            strict_1.default.equal((0, link_token_1.verifyLink)(changed, 'resume', [SECRET], NOW).ok, false, changed);
          },
        ),
        { numRuns: 2_000 },
      );
    },
  );
});
//# sourceMappingURL=link-token.test.js.map
