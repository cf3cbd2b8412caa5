var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
exports.TEST_LINK_SECRET = void 0;
exports.testLinkSettings = testLinkSettings;
exports.signedLinkIn = signedLinkIn;
exports.tampered = tampered;
// The fixed link signing secret of the tests, and helpers that read signed links out of emails.
const strict_1 = __importDefault(require('node:assert/strict'));
const link_token_1 = require('../../apps/shared/link-token');
exports.TEST_LINK_SECRET = 'test-link-signing-secret-0123456789-abcdef';
const DAY_MS = 86_400_000;
function testLinkSettings(publicUrl, secrets = [exports.TEST_LINK_SECRET]) {
  return { publicUrl, secrets, resumeTtlMs: 7 * DAY_MS, unsubscribeTtlMs: 90 * DAY_MS };
}
const LINK_PATTERNS = {
  resume: /https?:\/\/[^\s"<>]+\/r\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/,
  unsubscribe: /https?:\/\/[^\s"<>]+\/unsubscribe\?token=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/,
};
/** The first link of this purpose in `body`, checked against the test secret. */
function signedLinkIn(body, purpose) {
  const match = LINK_PATTERNS[purpose].exec(body ?? '');
  strict_1.default.ok(match?.[1], `no signed ${purpose} link in:\n${body}`);
  const verdict = (0, link_token_1.verifyLink)(match[1], purpose, [exports.TEST_LINK_SECRET]);
  strict_1.default.ok(verdict.ok, `the ${purpose} link does not verify: ${JSON.stringify(verdict)}`);
  return { url: match[0], token: match[1], claims: verdict.claims };
}
/** The token with one character of its signature changed: what a tampered link looks like. */
function tampered(token) {
  const at = token.indexOf('.') + 10;
  return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
}
//# sourceMappingURL=links.js.map
