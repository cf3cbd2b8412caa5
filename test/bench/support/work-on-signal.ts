// A process that does one fixed unit of work each time it receives SIGUSR2 and prints "done" after
// it: the known workload the callgrind counter is checked against (test/bench/callgrind.test.ts).
const UNIT = 2_000_000;

function unit(): number {
  let x = 0;
  for (let i = 0; i < UNIT; i++) x = (x * 31 + i) % 1_000_003;
  return x;
}

process.on('SIGUSR2', () => console.log(`done ${unit()}`));
// Keeps the process alive between signals.
setInterval(() => undefined, 60_000);
console.log('ready');
