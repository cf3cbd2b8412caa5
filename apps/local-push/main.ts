// `npm run start:local-push` (or part of `npm start`): the local push service with its viewer at /.
import { DEFAULT_LOCAL_PUSH_PORT, startLocalPushServer } from './push-service';

export { DEFAULT_LOCAL_PUSH_PORT, type LocalPushServer, type ReceivedPush, startLocalPushServer } from './push-service';

if (require.main === module) {
  const port = Number(process.env.PUSH_PORT || DEFAULT_LOCAL_PUSH_PORT);
  startLocalPushServer('127.0.0.1', port).then(
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
