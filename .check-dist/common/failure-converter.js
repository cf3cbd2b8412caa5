Object.defineProperty(exports, '__esModule', { value: true });
exports.failureConverter = void 0;
// Loaded by path (DataConverter.failureConverterPath) in the client, the worker and the workflow
// bundle, so it must stay workflow-safe. It moves failure messages and stack traces into an
// encoded payload, which the payload codec then encrypts: an SES error or a validation message
// can quote customer data.
const common_1 = require('@temporalio/common');
exports.failureConverter = new common_1.DefaultFailureConverter({ encodeCommonAttributes: true });
//# sourceMappingURL=failure-converter.js.map
