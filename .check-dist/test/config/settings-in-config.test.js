var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Every setting is read in config/, through its validated parsers: the processes, npm start and
// the stand-ins hand the environment to a loader there and read typed fields, never `env.NAME`.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const ROOT = (0, node_path_1.join)(__dirname, '..', '..', '..');
const SOURCE_DIRS = ['apps', 'stand-ins', 'activities', 'storage', 'workflows', 'common'];
/** Reads that are not our settings, each with its reason. */
const ALLOWED = {
  // Whether the AWS SDK's own credential chain will find credentials; the SDK reads them, not us.
  'activities/aws-client.ts': 'env.AWS_ACCESS_KEY_ID env.AWS_PROFILE',
};
function sources(dir) {
  return (0, node_fs_1.readdirSync)(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = (0, node_path_1.join)(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
(0, node_test_1.test)(
  'no setting is read outside config/: no process.env.NAME, no env.NAME but to set it for a child',
  () => {
    const found = [];
    for (const file of SOURCE_DIRS.flatMap((dir) => sources((0, node_path_1.join)(ROOT, dir)))) {
      const name = (0, node_path_1.relative)(ROOT, file).split('\\').join('/');
      const lines = (0, node_fs_1.readFileSync)(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments
        // A read: process.env.NAME / process.env[…], or env.NAME that is not assigned (start.ts sets its children's).
        const reads = [
          ...line.matchAll(/\bprocess\.env(\.[A-Z][A-Z0-9_]*|\[)/g),
          ...line.matchAll(/(?<!process\.)\benv\.[A-Z][A-Z0-9_]*\b(?!\s*(\?\?|\|\|)?=(?!=))/g),
        ].map((m) => m[0]);
        for (const read of reads)
          if (!ALLOWED[name]?.split(' ').includes(read)) found.push(`${name}:${i + 1}: ${read}`);
      });
    }
    strict_1.default.deepEqual(found, [], 'read these through a loader in config/');
  },
);
//# sourceMappingURL=settings-in-config.test.js.map
