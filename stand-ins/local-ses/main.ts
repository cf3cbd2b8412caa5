// A local SES endpoint with a browser inbox (aws-ses-v2-local): the SES v1/v2 API, the web
// inbox at /, every received message at GET /store, and (our front) each raw MIME message with
// its headers at GET /raw/<messageId>.
import type { Server } from 'node:http';
import startLocalSes from 'aws-ses-v2-local';
import { DEFAULT_LOCAL_SES_PORT, loadLocalSesConfig } from '../../config/stand-ins';
import { runStandIn } from '../run-stand-in';
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

if (require.main === module) {
  runStandIn('local SES inbox', async () => {
    const { port } = loadLocalSesConfig(process.env);
    const server = await startLocalSesServer('127.0.0.1', port);
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  });
}
