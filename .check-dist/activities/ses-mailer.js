Object.defineProperty(exports, '__esModule', { value: true });
exports.createSesMailer = createSesMailer;
// Sends raw MIME through SES (v1 SendRawEmail). The SDK's own retries are off: Temporal's retry
// policy owns them, so every attempt is visible in the workflow's history and the UI.
const client_ses_1 = require('@aws-sdk/client-ses');
const aws_client_1 = require('./aws-client');
const ses_failures_1 = require('./ses-failures');
function createSesMailer(config, options = {}) {
  const client = new client_ses_1.SESClient((0, aws_client_1.awsClientSettings)(config, options));
  return {
    async send({ from, to, raw }) {
      try {
        const result = await client.send(
          new client_ses_1.SendRawEmailCommand({ Source: from, Destinations: [to], RawMessage: { Data: raw } }),
        );
        if (!result.MessageId) throw new Error('SES accepted the message but returned no MessageId');
        return { messageId: result.MessageId };
      } catch (err) {
        throw (0, ses_failures_1.classifySesError)(err);
      }
    },
    close: () => client.destroy(),
  };
}
//# sourceMappingURL=ses-mailer.js.map
