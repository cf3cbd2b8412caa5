Object.defineProperty(exports, '__esModule', { value: true });
exports.registerSearchAttributes = registerSearchAttributes;
// Registers this project's search attributes on a cluster we may administer. The embedded dev
// server gets them as start flags; a self-hosted cluster gets them here at boot. Temporal Cloud
// does not allow this call: there they are created once with tcld, so a refusal is only a warning.
const grpc_js_1 = require('@grpc/grpc-js');
const proto_1 = require('@temporalio/proto');
const search_attributes_1 = require('../common/search-attributes');
const TYPES = {
  Keyword: proto_1.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Double: proto_1.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  Int: proto_1.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
};
async function registerSearchAttributes(connection, namespace, log = console.warn) {
  const searchAttributes = Object.fromEntries(
    Object.entries(search_attributes_1.SEARCH_ATTRIBUTES).map(([name, type]) => [name, TYPES[type]]),
  );
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (err) {
    const code = err.code;
    if (code === grpc_js_1.status.ALREADY_EXISTS) return;
    log(
      `search attributes not registered (${err.message}); create them on the cluster: ${Object.keys(search_attributes_1.SEARCH_ATTRIBUTES).join(', ')}`,
    );
  }
}
//# sourceMappingURL=search-attributes-registration.js.map
