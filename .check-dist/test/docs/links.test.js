var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The README is the front page and docs/ holds the reference: every relative link between them must
// reach a file, every #anchor a heading, and every docs/ file must be reachable from the README.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_fs_1 = require('node:fs');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const markdown_links_1 = require('../support/markdown-links');
const ROOT = (0, node_path_1.join)(__dirname, '..', '..', '..');
const DOCS = (0, node_fs_1.readdirSync)((0, node_path_1.join)(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);
(0, node_test_1.test)(
  'every relative link in README.md and docs/*.md reaches a file and, with an anchor, a heading',
  () => {
    strict_1.default.deepEqual((0, markdown_links_1.brokenLinks)(ROOT, ['README.md', ...DOCS]), []);
  },
);
(0, node_test_1.test)('every docs/ file is linked from the README', () => {
  const linked = new Set(
    (0, markdown_links_1.relativeLinksOf)(
      (0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, 'README.md'), 'utf8'),
      'README.md',
    ).map((l) => l.target.split('#')[0]),
  );
  strict_1.default.deepEqual(
    DOCS.filter((doc) => !linked.has(doc)),
    [],
  );
});
(0, node_test_1.test)('the README gives the test command that CI runs', () => {
  strict_1.default.match((0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, 'README.md'), 'utf8'), /^npm test\b/m);
});
(0, node_test_1.test)('the checker finds a missing file, a missing heading, and ignores code and outside links', () => {
  const root = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'links-'));
  (0, node_fs_1.writeFileSync)(
    (0, node_path_1.join)(root, 'a.md'),
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
  (0, node_fs_1.writeFileSync)((0, node_path_1.join)(root, 'b.md'), '# B\n\n### Real one\n');
  strict_1.default.deepEqual((0, markdown_links_1.brokenLinks)(root, ['a.md']), [
    'a.md:9 gone.md: no such file',
    'a.md:9 b.md#not-there: no heading with that anchor',
    'a.md:10 #inside-a-fence: no heading with that anchor',
  ]);
  strict_1.default.deepEqual(
    [...(0, markdown_links_1.anchorsOf)((0, node_fs_1.readFileSync)((0, node_path_1.join)(root, 'a.md'), 'utf8'))],
    ['title', 'quiet-hours-21000800', 'repeat', 'repeat-1'],
  );
  strict_1.default.equal(
    (0, markdown_links_1.slug)('Consent, unsubscribe and customer preferences'),
    'consent-unsubscribe-and-customer-preferences',
  );
  strict_1.default.equal((0, markdown_links_1.slug)('Channels: email, SMS, web push'), 'channels-email-sms-web-push');
  strict_1.default.equal((0, markdown_links_1.slug)('`npm start` brings up'), 'npm-start-brings-up');
});
//# sourceMappingURL=links.test.js.map
