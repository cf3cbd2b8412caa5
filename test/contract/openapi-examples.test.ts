// Every example the OpenAPI document shows (path parameters, request bodies built from the
// properties' examples) passes the server's own validation: sent to the real API, none is a 400.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OpenAPIObject, OperationObject, ParameterObject, SchemaObject } from '@nestjs/swagger';
import { type ApiUnderTest, call, useApi } from '../api/support/api-harness';

const API_KEY = 'examples-test-api-key-0123456789abcdef';
const api: ApiUnderTest = useApi({ API_KEY });

type Schema = SchemaObject | { $ref: string };

/** The example a client would read off the schema: its own, else one built from its parts (every property). */
function exampleOf(document: OpenAPIObject, schema: Schema | undefined, at: string): unknown {
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
  const value: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    const example = exampleOf(document, property, `${at}.${name}`);
    if (example !== undefined) value[name] = example;
    else assert.ok(!schema.required?.includes(name), `${at}.${name} is required and has no example`);
  }
  return value;
}

interface ExampleRequest {
  name: string;
  method: string;
  path: string;
  body: unknown;
}

function exampleRequests(document: OpenAPIObject): ExampleRequest[] {
  const requests: ExampleRequest[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation: OperationObject | undefined = item[method];
      if (!operation) continue;
      const name = `${method.toUpperCase()} ${template}`;
      const path = template.replace(/\{(\w+)\}/g, (_, param: string) => {
        const parameter = (operation.parameters ?? []).find((p) => 'name' in p && p.name === param) as ParameterObject;
        const example = parameter.example ?? exampleOf(document, parameter.schema, param);
        assert.equal(typeof example, 'string', `${name}: path parameter ${param} has no example`);
        return encodeURIComponent(example as string);
      });
      // Query parameters, each from its example (required or not: every example must pass).
      const query = new URLSearchParams();
      for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
        if (!('in' in parameter) || parameter.in !== 'query') continue;
        const example = parameter.example ?? exampleOf(document, parameter.schema, parameter.name);
        if (example !== undefined) query.set(parameter.name, String(example));
        else assert.ok(!parameter.required, `${name}: query parameter ${parameter.name} has no example`);
      }
      const content = operation.requestBody && 'content' in operation.requestBody && operation.requestBody.content;
      const body = content ? exampleOf(document, content['application/json']?.schema, 'body') : undefined;
      requests.push({ name, method: method.toUpperCase(), path: query.size ? `${path}?${query}` : path, body });
    }
  }
  return requests;
}

test("every example in the OpenAPI document passes the server's own validation (no 400)", async () => {
  const document = (await call(`${api.url}/docs-json`, 'GET')).body as OpenAPIObject;
  const requests = exampleRequests(document);
  assert.ok(requests.length >= 10, `only ${requests.length} operations in the document`);
  // Side by side: the routes that ask the (absent) worker wait for their deadline.
  const answers = await Promise.all(
    requests.map(async (r) => ({
      r,
      res: await call(`${api.url}${r.path}`, r.method, r.body, { 'x-api-key': API_KEY }),
    })),
  );
  const refused = answers
    .filter(({ res }) => res.status === 400 || res.status === 401)
    .map(
      ({ r, res }) =>
        `${r.name} ${JSON.stringify(r.body)} → ${res.status} ${JSON.stringify(res.body.errors ?? res.body)}`,
    );
  assert.deepEqual(refused, []);
});
