Object.defineProperty(exports, '__esModule', { value: true });
exports.testDataConverter = exports.TEST_ENCRYPTION = exports.TEST_ENCRYPTION_ENV = exports.TEST_PAYLOAD_KEYS = void 0;
exports.testCodec = testCodec;
exports.decodeRaw = decodeRaw;
// The one payload key of the test suite: every test client, worker, API and worker process
// encrypts with it, so tests run the codec just as production does. Not a secret.
const common_1 = require('@temporalio/common');
const aes_gcm_codec_1 = require('../../config/encryption/aes-gcm-codec');
const data_converter_1 = require('../../config/encryption/data-converter');
const env_1 = require('../../config/env');
exports.TEST_PAYLOAD_KEYS = 'test-1:uo3uomqG3lfOCsW3bA+tS8HM2IJmgbr7n3TWj0MjTr4=';
/** For processes and loadConfig: `{ PAYLOAD_ENCRYPTION_KEYS }`. */
exports.TEST_ENCRYPTION_ENV = { PAYLOAD_ENCRYPTION_KEYS: exports.TEST_PAYLOAD_KEYS };
exports.TEST_ENCRYPTION = (0, env_1.loadEncryption)(exports.TEST_ENCRYPTION_ENV);
const testDataConverter = () => (0, data_converter_1.dataConverterFor)(exports.TEST_ENCRYPTION);
exports.testDataConverter = testDataConverter;
function testCodec() {
  if (!exports.TEST_ENCRYPTION.enabled) throw new Error('the test key is always on');
  return new aes_gcm_codec_1.AesGcmPayloadCodec(exports.TEST_ENCRYPTION.keys);
}
/** A payload from a raw history (`fetchHistory()` does not decode), decrypted and converted. */
async function decodeRaw(payload) {
  const [decoded] = await testCodec().decode([payload]);
  if (!decoded) throw new Error('no payload');
  return common_1.defaultPayloadConverter.fromPayload(decoded);
}
//# sourceMappingURL=payload-keys.js.map
