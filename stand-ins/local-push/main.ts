// `npm run start:local-push` (or part of `npm start`): the local push service with its viewer at /.
import { ConfigError } from '../../config/config-error';
import { loadLocalPushConfig } from '../../config/stand-ins';
import { startLocalPushServer } from './push-service';

export { DEFAULT_LOCAL_PUSH_PORT, type LocalPushServer, type ReceivedPush, startLocalPushServer } from './push-service';

function main(): void {
  // PUSH_PORT; DATA_DIR: keep test subscriptions across restarts, as `npm start` does.
  const { port, stateFile } = loadLocalPushConfig(process.env);
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

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
    process.exit(1);
  }
}
