Object.defineProperty(exports, '__esModule', { value: true });
exports.fromJson = fromJson;
exports.toJson = toJson;
function fromJson({ metadata, data }) {
  return {
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(data ?? '', 'base64'),
  };
}
function toJson({ metadata, data }) {
  return {
    metadata: Object.fromEntries(
      Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')]),
    ),
    data: Buffer.from(data ?? []).toString('base64'),
  };
}
//# sourceMappingURL=json-payload.js.map
