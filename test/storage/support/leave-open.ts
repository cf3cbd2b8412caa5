// Opens two in-memory ledgers and never closes them; the process must still exit on its own
// (test/storage/in-memory-ledger.test.ts). The first open also makes the per-process copy, the
// second loads the kept one: both are copies.
import { connectLedger } from '../../../storage/connect';

connectLedger({ kind: 'memory' })
  .then(() => connectLedger({ kind: 'memory' }))
  .then(
    () => console.log('open'),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
