// `npm run start:local-push` (or part of `npm start`): the local push service with its viewer at /.
import { loadLocalPushConfig } from '../../config/stand-ins';
import { runStandIn } from '../run-stand-in';
import { startLocalPushServer } from './push-service';

export { DEFAULT_LOCAL_PUSH_PORT, type LocalPushServer, type ReceivedPush, startLocalPushServer } from './push-service';

if (require.main === module) {
  // PUSH_PORT; DATA_DIR: keep test subscriptions across restarts, as `npm start` does.
  runStandIn('local push service', async () => {
    const { port, stateFile } = loadLocalPushConfig(process.env);
    return startLocalPushServer('127.0.0.1', port, { stateFile });
  });
}
