// The bench's reading of the machine (bench/support/machine-load.ts): busy and stolen shares of the
// cores between two readings of /proc/stat.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpuTimes, describeLoad, loadBetween } from '../../bench/support/machine-load';

const stat = (cpu: string) => () => `${cpu}\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 1 2 3\n`;

test('busy and stolen shares are read from the difference of two readings of /proc/stat', () => {
  // user nice system idle iowait irq softirq steal guest guest_nice
  const before = cpuTimes(stat('cpu  1000 10 200 5000 40 0 30 100 70 5'));
  // 600 busy ticks (400 user, 150 system, 50 softirq), 250 idle, 50 iowait, 100 steal: 1,000 in all.
  // Guest time (the last two) is already inside user and nice: counted again, busy would read 63%.
  const after = cpuTimes(stat('cpu  1400 10 350 5250 90 0 80 200 90 15'));
  const load = loadBetween(before, after);
  assert.ok(load);
  assert.equal(load.busyPercent, 60);
  assert.equal(load.stealPercent, 10);
  assert.match(describeLoad(load), /^cores 60% busy, 10% taken by the host, load \d/);
});

test('without /proc/stat, or without time passing, the load is unknown rather than a made-up figure', () => {
  const missing = cpuTimes(() => {
    throw new Error('ENOENT');
  });
  assert.equal(missing, undefined);
  assert.equal(cpuTimes(stat('intr 1 2 3')), undefined);
  const same = cpuTimes(stat('cpu  1000 10 200 5000 40 0 30 100 0 0'));
  assert.equal(loadBetween(same, same), undefined);
  assert.equal(describeLoad(undefined), 'machine load unknown');
});
