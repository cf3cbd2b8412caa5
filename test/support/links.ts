// The fixed link signing secret of the tests, and helpers that read signed links out of emails.
import assert from 'node:assert/strict';
import type { LinkSettings } from '../../activities/links';
import { type LinkClaims, type LinkPurpose, verifyLink } from '../../apps/shared/link-token';

export const TEST_LINK_SECRET = 'test-link-signing-secret-0123456789-abcdef';

const DAY_MS = 86_400_000;

export function testLinkSettings(publicUrl: string, secrets: readonly string[] = [TEST_LINK_SECRET]): LinkSettings {
  return { publicUrl, secrets, resumeTtlMs: 7 * DAY_MS, unsubscribeTtlMs: 90 * DAY_MS };
}

const LINK_PATTERNS: Record<LinkPurpose, RegExp> = {
  resume: /https?:\/\/[^\s"<>]+\/[rc]\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/,
  unsubscribe: /https?:\/\/[^\s"<>]+\/unsubscribe\?token=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/,
};

export interface FoundLink {
  url: string;
  token: string;
  claims: LinkClaims;
}

/** The first link of this purpose in `body`, checked against the test secret. */
export function signedLinkIn(body: string | undefined, purpose: LinkPurpose): FoundLink {
  const match = LINK_PATTERNS[purpose].exec(body ?? '');
  assert.ok(match?.[1], `no signed ${purpose} link in:\n${body}`);
  const verdict = verifyLink(match[1], purpose, [TEST_LINK_SECRET]);
  assert.ok(verdict.ok, `the ${purpose} link does not verify: ${JSON.stringify(verdict)}`);
  return { url: match[0], token: match[1], claims: verdict.claims };
}

/** The token with one character of its signature changed: what a tampered link looks like. */
export function tampered(token: string): string {
  const at = token.indexOf('.') + 10;
  return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
}
