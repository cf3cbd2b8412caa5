// `npm run start:local-push` (or part of `npm start`): the local push service with its viewer at /.
import { join } from 'node:path';
import { DEFAULT_LOCAL_PUSH_PORT, startLocalPushServer } from './push-service';

export { DEFAULT_LOCAL_PUSH_PORT, type LocalPushServer, type ReceivedPush, startLocalPushServer } from './push-service';

if (require.main === module) {
  const port = Number(process.env.PUSH_PORT || DEFAULT_LOCAL_PUSH_PORT);
  // DATA_DIR: keep test subscriptions across restarts, as `npm start` does.
  const stateFile = process.env.DATA_DIR ? join(process.env.DATA_DIR, 'local-push-subscriptions.json') : undefined;
  startLocalPushServer('127.0.0.1', port, { stateFile }).then(
    (push) => {
      console.log(`local push service on ${push.url}`);
      const stop = () => void push.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err: unknown) => {
      console.error(`local push service failed to start: ${String(err)}`);
      process.exit(1);
    },
  );
}
