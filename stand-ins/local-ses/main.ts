// A local SES endpoint with a browser inbox (aws-ses-v2-local): the SES v1/v2 API, the web
// inbox at /, every received message at GET /store, and (our front) each raw MIME message with
// its headers at GET /raw/<messageId>.
import type { Server } from 'node:http';
import startLocalSes from 'aws-ses-v2-local';
import { ConfigError } from '../../config/config-error';
import { DEFAULT_LOCAL_SES_PORT, loadLocalSesConfig } from '../../config/stand-ins';
import { portOf, startRawMessageRecorder } from './raw-message-recorder';

export { DEFAULT_LOCAL_SES_PORT };

export async function startLocalSesServer(host = '127.0.0.1', port = DEFAULT_LOCAL_SES_PORT): Promise<Server> {
  const inbox = await startLocalSes({ host: '127.0.0.1', port: 0 });
  const front = await startRawMessageRecorder(host, port, portOf(inbox)).catch(async (err: unknown) => {
    inbox.close();
    throw err;
  });
  // Closing the public server closes the inbox behind it.
  front.once('close', () => inbox.close());
  return front;
}

function main(): void {
  const { port } = loadLocalSesConfig(process.env);
  startLocalSesServer('127.0.0.1', port).then(
    (server) => {
      console.log(`local SES inbox on http://127.0.0.1:${port}`);
      const stop = () => server.close(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err: unknown) => {
      console.error(`local SES failed to start: ${String(err)}`);
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
