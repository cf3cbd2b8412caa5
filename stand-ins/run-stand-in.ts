// How each stand-in runs as its own process: settings read (a bad one is a clear configuration
// error), served, and closed on SIGINT/SIGTERM.
import { ConfigError } from '../config/config-error';

export interface RunningStandIn {
  url: string;
  close(): Promise<void>;
}

export function runStandIn(what: string, start: () => Promise<RunningStandIn>): void {
  start().then(
    (running) => {
      console.log(`${what} on ${running.url}`);
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err: unknown) => {
      console.error(
        err instanceof ConfigError ? `Configuration error: ${err.message}` : `${what} failed to start: ${String(err)}`,
      );
      process.exit(1);
    },
  );
}
