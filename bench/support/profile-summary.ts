// Summarises a V8 CPU profile (`BENCH_PROFILE=worker`): self time by package or project file and
// by function, and each project function with all it called, so "where do a reminder's milliseconds
// go" is answered from a measurement. A window keeps start-up (bundling, module loading) out; a
// second profile (the baseline worker's, `BENCH_PROFILE=worker,baseline worker`) is set beside it.
// Usage: node dist/bench/support/profile-summary.js <file.cpuprofile>[@FROM-TO] [top=25]
//          [--per=N] [--against=<other.cpuprofile>[@FROM-TO]]
// FROM-TO: seconds since the profile started; --per: figures in ms per unit (N reminders in the window).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
/** Seconds since the profile's start; samples outside are left out. */
export interface Window {
  fromS: number;
  toS: number;
}

/** `node_modules/@temporalio/worker/...` → `@temporalio/worker`; a project file keeps its path. */
export function ownerOf(url: string): string {
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

const keyOf = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${ownerOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
const isProjectFile = (url: string) => url.includes('/dist/') && !url.includes('node_modules/');
const isIdle = (node: ProfileNode | undefined) => node?.callFrame.functionName === '(idle)';
/** Native frames have no file: they are named by what they are (the collector, a native call). */
const ownerOfNode = (node: ProfileNode) =>
  node.callFrame.url ? ownerOf(node.callFrame.url) : node.callFrame.functionName;

/** Busy microseconds per node: idle samples and samples outside `window` are left out. */
export function selfTimes(profile: Profile, window?: Window): Map<number, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let at = 0;
  for (const [i, id] of profile.samples.entries()) {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (window && (at < window.fromS * 1e6 || at >= window.toS * 1e6)) continue;
    if (isIdle(byId.get(id))) continue;
    selfUs.set(id, (selfUs.get(id) ?? 0) + us);
  }
  return selfUs;
}

/** Self time grouped by `group` of each node. */
function grouped(profile: Profile, selfUs: Map<number, number>, group: (n: ProfileNode) => string) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const result = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (node) result.set(group(node), (result.get(group(node)) ?? 0) + us);
  }
  return result;
}

/**
 * Each of the project's functions with everything it called (a recursive call counted once): where a
 * send's time goes, SDK and library work included. A continuation after an `await` starts a new stack
 * whose root is the async function itself, so most of an async function's work is still found.
 */
export function inclusiveOfProjectFunctions(profile: Profile, selfUs: Map<number, number>): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const result = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const keys = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node && isProjectFile(node.callFrame.url)) keys.add(keyOf(node));
    }
    for (const key of keys) result.set(key, (result.get(key) ?? 0) + us);
  }
  return result;
}

/** `file.cpuprofile@170-250` → the file and its window. */
export function parseTarget(arg: string): { file: string; window?: Window } {
  const match = /^(.*)@(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(arg);
  if (!match) return { file: arg };
  return { file: match[1] as string, window: { fromS: Number(match[2]), toS: Number(match[3]) } };
}

const sum = (m: Map<unknown, number>) => [...m.values()].reduce((a, b) => a + b, 0);

function summarise(target: string, top: number, per: number | undefined, against: string | undefined): void {
  const load = (arg: string) => {
    const { file, window } = parseTarget(arg);
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    return { file, profile, selfUs: selfTimes(profile, window) };
  };
  const main = load(target);
  const unit = per ? `ms per unit (${per} units)` : 'ms';
  const ms = (us: number) => (per ? (us / 1000 / per).toFixed(3) : (us / 1000).toFixed(0)).padStart(8);
  const busy = sum(main.selfUs);
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title} (${unit}; % of busy)`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${ms(us)} ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${k}`);
    }
  };
  console.log(`${main.file}: ${ms(busy)} ${unit} busy`);
  print('by package / file, self time', grouped(main.profile, main.selfUs, ownerOfNode));
  print('by function, self time', grouped(main.profile, main.selfUs, keyOf));
  print('by project function, with all it called', inclusiveOfProjectFunctions(main.profile, main.selfUs));
  if (!against) return;
  const other = load(against);
  const ours = grouped(main.profile, main.selfUs, ownerOfNode);
  const theirs = grouped(other.profile, other.selfUs, ownerOfNode);
  console.log(`\nagainst ${other.file}: ${ms(sum(other.selfUs))} ${unit} busy; by package, largest difference first`);
  const owners = [...new Set([...ours.keys(), ...theirs.keys()])];
  const diff = (k: string) => (ours.get(k) ?? 0) - (theirs.get(k) ?? 0);
  for (const k of owners.sort((a, b) => diff(b) - diff(a)).slice(0, top)) {
    console.log(
      `${ms(ours.get(k) ?? 0)} ${ms(theirs.get(k) ?? 0)} ${diff(k) >= 0 ? '+' : '-'}${ms(Math.abs(diff(k))).trim()}  ${k}`,
    );
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const [target, top] = args.filter((a) => !a.startsWith('--'));
  if (!target)
    throw new Error('usage: profile-summary <file.cpuprofile>[@FROM-TO] [top] [--per=N] [--against=<file>[@FROM-TO]]');
  const per = option('per');
  summarise(target, Number(top ?? 25), per ? Number(per) : undefined, option('against'));
}
