// The order races' floor worker process: the send-unless-ordered workflow (bench/support/floor-worker.ts).
import { runFloorWorker } from '../support/floor-worker';

runFloorWorker('races baseline worker', require.resolve('./baseline-workflow'));
