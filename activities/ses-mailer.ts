// Sends raw MIME through SES (v1 SendRawEmail). The SDK's own retries are off: Temporal's retry
// policy owns them, so every attempt is visible in the workflow's history and the UI.
import { SESClient, type SESClientConfig, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { classifySesError } from './ses-failures';

export interface OutgoingMessage {
  from: string;
  to: string;
  raw: Buffer;
}

export interface Mailer {
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
}

export interface SesMailer extends Mailer {
  /** Frees the client's sockets; call at worker shutdown. */
  close(): void;
}

export interface SesMailerConfig {
  /** Set for a local or fake SES; unset means the real regional endpoint. */
  endpoint: string | undefined;
  region: string;
}

// Connecting to SES takes milliseconds; 5 s means the network is gone.
const CONNECT_TIMEOUT_MS = 5_000;
// Below the send activity's 30 s attempt timeout, so an attempt ends on its own (and releases its
// ledger claim) before Temporal gives up on it and starts the next one.
const REQUEST_TIMEOUT_MS = 20_000;

export function createSesMailer(
  config: SesMailerConfig,
  options: { requestTimeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): SesMailer {
  const env = options.env ?? process.env;
  const clientConfig: SESClientConfig = {
    region: config.region,
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      // Without it the SDK only logs a warning and keeps waiting.
      throwOnRequestTimeout: true,
    },
  };
  if (config.endpoint) {
    clientConfig.endpoint = config.endpoint;
    // A local SES only wants a signed request, any key will do; real keys in the env still win.
    if (!env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE) {
      clientConfig.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    }
  }
  const client = new SESClient(clientConfig);
  return {
    async send({ from, to, raw }) {
      try {
        const result = await client.send(
          new SendRawEmailCommand({ Source: from, Destinations: [to], RawMessage: { Data: raw } }),
        );
        if (!result.MessageId) throw new Error('SES accepted the message but returned no MessageId');
        return { messageId: result.MessageId };
      } catch (err) {
        throw classifySesError(err);
      }
    },
    close: () => client.destroy(),
  };
}
