Object.defineProperty(exports, '__esModule', { value: true });
exports.ApiSchemaExtra = void 0;
exports.schemaExtras = schemaExtras;
const extras = new Map();
/** Merges `extra` into this class's component schema (named after the class, as @nestjs/swagger names it). */
const ApiSchemaExtra = (extra) => (target) => {
  extras.set(target.name, extra);
};
exports.ApiSchemaExtra = ApiSchemaExtra;
function schemaExtras() {
  return extras;
}
//# sourceMappingURL=schema-extras.js.map
