Object.defineProperty(exports, '__esModule', { value: true });
exports.ownerOf = ownerOf;
// Summarises a V8 CPU profile (`BENCH_PROFILE=worker`): self time by package or project file and
// by function, so "where do a reminder's milliseconds go" is answered from a measurement.
// Usage: node dist/bench/support/profile-summary.js <file.cpuprofile> [top=25]
const node_fs_1 = require('node:fs');
/** `node_modules/@temporalio/worker/...` → `@temporalio/worker`; a project file keeps its path. */
function ownerOf(url) {
  if (!url) return '(native / idle / gc)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + '/dist/'.length) : url;
}
function summarise(file, top) {
  const profile = JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byOwner = new Map();
  const byFunction = new Map();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const owner = functionName === '(idle)' ? '(idle)' : ownerOf(url);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${ownerOf(url)}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const busy = total - (byOwner.get('(idle)') ?? 0);
  const print = (title, m) => {
    console.log(`\n${title} (self time; % of busy ${(busy / 1000).toFixed(0)} ms)`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      if (k === '(idle)') continue;
      console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${k}`);
    }
  };
  console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms busy`);
  print('by package / file', byOwner);
  print('by function', byFunction);
}
if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
  summarise(file, Number(top ?? 25));
}
//# sourceMappingURL=profile-summary.js.map
