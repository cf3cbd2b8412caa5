// Sends raw MIME through SES (v1 SendRawEmail). The SDK's own retries are off: Temporal's retry
// policy owns them, so every attempt is visible in the workflow's history and the UI.
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { type AwsClientOptions, type AwsEndpointConfig, awsClientSettings } from './aws-client';
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

/** `endpoint`: set for a local or fake SES; unset means the real regional endpoint. */
export type SesMailerConfig = AwsEndpointConfig;

export function createSesMailer(config: SesMailerConfig, options: AwsClientOptions = {}): SesMailer {
  const client = new SESClient(awsClientSettings(config, options));
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
