Object.defineProperty(exports, '__esModule', { value: true });
exports.SMS_TYPE = void 0;
exports.createSnsSmsSender = createSnsSmsSender;
// Texts through SNS Publish to a phone number (no topic), as a Promotional SMS. Like the SES
// mailer: the SDK's own retries are off, Temporal's retry policy owns them.
const client_sns_1 = require('@aws-sdk/client-sns');
const aws_client_1 = require('../aws-client');
const sns_failures_1 = require('./sns-failures');
/**
 * Recovery texts are marketing: Promotional lets SNS pick the cheaper route and keeps them apart
 * from transactional (one-time code) traffic.
 */
exports.SMS_TYPE = 'Promotional';
function createSnsSmsSender(config, options = {}) {
  const client = new client_sns_1.SNSClient((0, aws_client_1.awsClientSettings)(config, options));
  return {
    async send(phone, text) {
      try {
        const result = await client.send(
          new client_sns_1.PublishCommand({
            PhoneNumber: phone,
            Message: text,
            MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: exports.SMS_TYPE } },
          }),
        );
        if (!result.MessageId) throw new Error('SNS accepted the text but returned no MessageId');
        return { messageId: result.MessageId };
      } catch (err) {
        throw (0, sns_failures_1.classifySnsError)(err);
      }
    },
    close: () => client.destroy(),
  };
}
//# sourceMappingURL=sns-sms-sender.js.map
