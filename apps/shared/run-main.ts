import { ConfigError } from '../../config/env';

/**
 * Runs an entry point's `main`: a refused configuration prints "Configuration error: …", any other
 * failure "<what> failed: …" (or "failed: …"), and the process exits 1 either way.
 */
export function runMain(main: () => Promise<void>, what?: string): void {
  main().catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    const failed = what ? `${what} failed` : 'failed';
    console.error(err instanceof ConfigError ? `Configuration error: ${message}` : `${failed}: ${message}`);
    process.exit(1);
  });
}
