var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Every example the OpenAPI document shows (path parameters, request bodies built from the
// properties' examples) passes the server's own validation: sent to the real API, none is a 400.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const api_harness_1 = require('../api/support/api-harness');
const API_KEY = 'examples-test-api-key-0123456789abcdef';
const api = (0, api_harness_1.useApi)({ API_KEY });
/** The example a client would read off the schema: its own, else one built from its parts (every property). */
function exampleOf(document, schema, at) {
  if (!schema) return undefined;
  if ('$ref' in schema) {
    const name = schema.$ref.split('/').pop() ?? '';
    return exampleOf(document, document.components?.schemas?.[name], at);
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf) return exampleOf(document, schema.oneOf[0], at);
  if (schema.type === 'array') {
    const item = exampleOf(document, schema.items, `${at}[0]`);
    return item === undefined ? undefined : [item];
  }
  if (!schema.properties) return undefined;
  const value = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    const example = exampleOf(document, property, `${at}.${name}`);
    if (example !== undefined) value[name] = example;
    else strict_1.default.ok(!schema.required?.includes(name), `${at}.${name} is required and has no example`);
  }
  return value;
}
function exampleRequests(document) {
  const requests = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const operation = item[method];
      if (!operation) continue;
      const name = `${method.toUpperCase()} ${template}`;
      const path = template.replace(/\{(\w+)\}/g, (_, param) => {
        const parameter = (operation.parameters ?? []).find((p) => 'name' in p && p.name === param);
        const example = parameter.example ?? exampleOf(document, parameter.schema, param);
        strict_1.default.equal(typeof example, 'string', `${name}: path parameter ${param} has no example`);
        return encodeURIComponent(example);
      });
      const content = operation.requestBody && 'content' in operation.requestBody && operation.requestBody.content;
      const body = content ? exampleOf(document, content['application/json']?.schema, 'body') : undefined;
      requests.push({ name, method: method.toUpperCase(), path, body });
    }
  }
  return requests;
}
(0, node_test_1.test)("every example in the OpenAPI document passes the server's own validation (no 400)", async () => {
  const document = (await (0, api_harness_1.call)(`${api.url}/docs-json`, 'GET')).body;
  const requests = exampleRequests(document);
  strict_1.default.ok(requests.length >= 10, `only ${requests.length} operations in the document`);
  // Side by side: the routes that ask the (absent) worker wait for their deadline.
  const answers = await Promise.all(
    requests.map(async (r) => ({
      r,
      res: await (0, api_harness_1.call)(`${api.url}${r.path}`, r.method, r.body, { 'x-api-key': API_KEY }),
    })),
  );
  const refused = answers
    .filter(({ res }) => res.status === 400 || res.status === 401)
    .map(
      ({ r, res }) =>
        `${r.name} ${JSON.stringify(r.body)} → ${res.status} ${JSON.stringify(res.body.errors ?? res.body)}`,
    );
  strict_1.default.deepEqual(refused, []);
});
//# sourceMappingURL=openapi-examples.test.js.map
