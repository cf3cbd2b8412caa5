Object.defineProperty(exports, '__esModule', { value: true });
exports.FAILURE_CONVERTER_PATH = void 0;
exports.payloadCodecsFor = payloadCodecsFor;
exports.dataConverterFor = dataConverterFor;
exports.describeEncryption = describeEncryption;
const aes_gcm_codec_1 = require('./aes-gcm-codec');
/**
 * The failure converter that encodes messages and stack traces. A path, not an object: the SDK
 * (1.24) loads it with require() for clients and activities and aliases it into the workflow bundle,
 * so bundleWorkflowCode must be given it too.
 */
exports.FAILURE_CONVERTER_PATH = require.resolve('../../common/failure-converter');
/** The payload codecs for this configuration: none when encryption is off. */
function payloadCodecsFor(encryption) {
  return encryption.enabled ? [new aes_gcm_codec_1.AesGcmPayloadCodec(encryption.keys)] : [];
}
function dataConverterFor(encryption) {
  return { payloadCodecs: payloadCodecsFor(encryption), failureConverterPath: exports.FAILURE_CONVERTER_PATH };
}
/** One line for the logs at start-up: which key encrypts, which decrypt. */
function describeEncryption(encryption) {
  if (!encryption.enabled)
    return 'payload encryption is OFF (PAYLOAD_ENCRYPTION=off): customer data reaches Temporal unencrypted';
  const [current, ...older] = encryption.keys.map((k) => k.id);
  return `payloads encrypted with key "${current}"${older.length ? `; older keys still decrypt: ${older.join(', ')}` : ''}`;
}
//# sourceMappingURL=data-converter.js.map
