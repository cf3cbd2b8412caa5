// Texts through SNS Publish to a phone number (no topic), as a Promotional SMS. Like the SES
// mailer: the SDK's own retries are off, Temporal's retry policy owns them.
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { type AwsClientOptions, type AwsEndpointConfig, awsClientSettings } from '../aws-client';
import { classifySnsError } from './sns-failures';

export interface SmsSender {
  /** `phone`: E.164. Throws ApplicationFailures (sns-failures.ts). */
  send(phone: string, text: string): Promise<{ messageId: string }>;
  /** Frees the client's sockets; call at worker shutdown. */
  close(): void;
}

/** `endpoint`: set for a local SNS (stand-ins/local-sns); unset means the real regional endpoint. */
export type SnsSmsConfig = AwsEndpointConfig;

/**
 * Recovery texts are marketing: Promotional lets SNS pick the cheaper route and keeps them apart
 * from transactional (one-time code) traffic.
 */
export const SMS_TYPE = 'Promotional';

export function createSnsSmsSender(config: SnsSmsConfig, options: AwsClientOptions = {}): SmsSender {
  const client = new SNSClient(awsClientSettings(config, options));
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
