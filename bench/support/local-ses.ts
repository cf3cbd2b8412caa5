// The local SES inbox (aws-ses-v2-local) as its own process, as `npm run start:local-ses` runs it,
// so its MIME parsing never competes with the bench's own timing.
import { join } from 'node:path';
import { freePort, type NodeChild, spawnNode } from './processes';

const LOCAL_SES_MAIN = join(__dirname, '..', '..', 'stand-ins', 'local-ses', 'main.js');

export interface LocalSes {
  url: string;
  child: NodeChild;
  /** Recipients of every message received so far. */
  recipients(): Promise<string[]>;
}

export async function startLocalSes(): Promise<LocalSes> {
  const port = await freePort();
  const child = await spawnNode('local SES', LOCAL_SES_MAIN, { ...process.env, SES_PORT: String(port) }, (out) =>
    out.includes('local SES inbox on'),
  );
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    child,
    recipients: async () => {
      const { emails } = (await (await fetch(`${url}/store`)).json()) as {
        emails: { destination: { to: string[] } }[];
      };
      return emails.flatMap((e) => e.destination.to);
    },
  };
}
