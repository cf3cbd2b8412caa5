// The lateness floor's worker process: the sleep-then-report workflow (bench/support/floor-worker.ts).
import { runFloorWorker } from '../support/floor-worker';

runFloorWorker('baseline worker', require.resolve('./baseline-workflow'));
