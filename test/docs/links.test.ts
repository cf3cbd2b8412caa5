// The README is the front page and docs/ holds the reference: every relative link between them must
// reach a file, every #anchor a heading, and every docs/ file must be reachable from the README.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { anchorsOf, brokenLinks, relativeLinksOf, slug } from '../support/markdown-links';

const ROOT = join(__dirname, '..', '..', '..');
const DOCS = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);

test('every relative link in README.md and docs/*.md reaches a file and, with an anchor, a heading', () => {
  assert.deepEqual(brokenLinks(ROOT, ['README.md', ...DOCS]), []);
});

test('every docs/ file is linked from the README', () => {
  const linked = new Set(
    relativeLinksOf(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'README.md').map((l) => l.target.split('#')[0]),
  );
  assert.deepEqual(
    DOCS.filter((doc) => !linked.has(doc)),
    [],
  );
});

test('the README gives the test command that CI runs', () => {
  assert.match(readFileSync(join(ROOT, 'README.md'), 'utf8'), /^npm test\b/m);
});

test('the checker finds a missing file, a missing heading, and ignores code and outside links', () => {
  const root = mkdtempSync(join(tmpdir(), 'links-'));
  writeFileSync(
    join(root, 'a.md'),
    [
      '# Title',
      '## Quiet hours: 21:00–08:00',
      '## Repeat',
      '## Repeat',
      '```md',
      '## Inside a fence',
      '[fenced](missing.md)',
      '```',
      'See [b](b.md#real-one), [gone](gone.md), [typo](b.md#not-there), [self](#repeat-1),',
      '[fenced heading](#inside-a-fence), `[code](nowhere.md)`, [web](https://example.com/x.md#y).',
      '[ref]: b.md#real-one',
    ].join('\n'),
  );
  writeFileSync(join(root, 'b.md'), '# B\n\n### Real one\n');
  assert.deepEqual(brokenLinks(root, ['a.md']), [
    'a.md:9 gone.md: no such file',
    'a.md:9 b.md#not-there: no heading with that anchor',
    'a.md:10 #inside-a-fence: no heading with that anchor',
  ]);
  assert.deepEqual(
    [...anchorsOf(readFileSync(join(root, 'a.md'), 'utf8'))],
    ['title', 'quiet-hours-21000800', 'repeat', 'repeat-1'],
  );
  assert.equal(slug('Consent, unsubscribe and customer preferences'), 'consent-unsubscribe-and-customer-preferences');
  assert.equal(slug('Channels: email, SMS, web push'), 'channels-email-sms-web-push');
  assert.equal(slug('`npm start` brings up'), 'npm-start-brings-up');
});
