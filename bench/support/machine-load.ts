// What the machine did during a bench section, from Linux's /proc/stat: how busy its cores were and
// how much time the host took back from this virtual machine (steal). On a shared VM the same build
// measured minutes apart differs by up to 2×; a section's figures are read against these.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** Cumulative CPU time of all cores, in the kernel's ticks. */
export interface CpuTimes {
  busy: number;
  steal: number;
  total: number;
}

export interface MachineLoad {
  /** Share of all cores' time spent running anything (this bench's processes included). */
  busyPercent: number;
  /** Share of all cores' time the host gave to other guests: the VM wanted it and did not get it. */
  stealPercent: number;
  /** The one-minute load average at the section's end. */
  loadAverage: number;
}

/** Undefined where /proc/stat is not there (not Linux). */
export function cpuTimes(stat: () => string = () => readFileSync('/proc/stat', 'utf8')): CpuTimes | undefined {
  let line: string | undefined;
  try {
    line = stat().split('\n')[0];
  } catch {
    return undefined;
  }
  if (!line?.startsWith('cpu ')) return undefined;
  // user nice system idle iowait irq softirq steal (guest time is already inside user and nice)
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = user + nice + system + irq + softirq;
  return { busy, steal, total: busy + idle + iowait + steal };
}

export function loadBetween(before: CpuTimes | undefined, after: CpuTimes | undefined): MachineLoad | undefined {
  if (!before || !after || after.total <= before.total) return undefined;
  const total = after.total - before.total;
  const percent = (n: number) => Math.round((n / total) * 1000) / 10;
  return {
    busyPercent: percent(after.busy - before.busy),
    stealPercent: percent(after.steal - before.steal),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function describeLoad(load: MachineLoad | undefined): string {
  if (!load) return 'machine load unknown';
  return `cores ${load.busyPercent}% busy, ${load.stealPercent}% taken by the host, load ${load.loadAverage}`;
}
