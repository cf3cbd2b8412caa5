// Texts through SNS Publish to a phone number (no topic), as a Promotional SMS. Like the SES
// mailer: the SDK's own retries are off, Temporal's retry policy owns them.
import { PublishCommand, SNSClient, type SNSClientConfig } from '@aws-sdk/client-sns';
import { classifySnsError } from './sns-failures';

export interface SmsSender {
  /** `phone`: E.164. Throws ApplicationFailures (sns-failures.ts). */
  send(phone: string, text: string): Promise<{ messageId: string }>;
  /** Frees the client's sockets; call at worker shutdown. */
  close(): void;
}

export interface SnsSmsConfig {
  /** Set for a local SNS (apps/local-sns); unset means the real regional endpoint. */
  endpoint: string | undefined;
  region: string;
}

// As for SES: connecting takes milliseconds, and a request ends before the activity's 30 s attempt.
const CONNECT_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * Recovery texts are marketing: Promotional lets SNS pick the cheaper route and keeps them apart
 * from transactional (one-time code) traffic.
 */
export const SMS_TYPE = 'Promotional';

export function createSnsSmsSender(
  config: SnsSmsConfig,
  options: { requestTimeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): SmsSender {
  const env = options.env ?? process.env;
  const clientConfig: SNSClientConfig = {
    region: config.region,
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
  };
  if (config.endpoint) {
    clientConfig.endpoint = config.endpoint;
    // A local SNS only wants a signed request, any key will do; real keys in the env still win.
    if (!env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE) {
      clientConfig.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    }
  }
  const client = new SNSClient(clientConfig);
  return {
    async send(phone, text) {
      try {
        const result = await client.send(
          new PublishCommand({
            PhoneNumber: phone,
            Message: text,
            MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: SMS_TYPE } },
          }),
        );
        if (!result.MessageId) throw new Error('SNS accepted the text but returned no MessageId');
        return { messageId: result.MessageId };
      } catch (err) {
        throw classifySnsError(err);
      }
    },
    close: () => client.destroy(),
  };
}
