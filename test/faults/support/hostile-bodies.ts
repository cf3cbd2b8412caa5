// Generators of hostile request bodies for property-based tests: arbitrary JSON, malformed text, and
// near-valid bodies (a valid body with a few mutations, mostly field-aware edge values).
import fc from 'fast-check';

export type Path = Array<string | number>;

// Values that sit at the edges of what each field accepts: valid-looking, odd, or just over a limit.
export const EDGE_TEXT = [
  '',
  ' ',
  '\u0000',
  '\r\nBcc: x@example.com',
  '\u202egnp.exe',
  '😀'.repeat(40),
  'x'.repeat(10_000),
];
export const EDGE_NUMBERS = [-1, 0, -0, 0.1 + 0.2, 1.5, 1e21, 1e308, -1e308, 2 ** 53 + 1];
export const FIELD_VALUES: Record<string, unknown[]> = {
  checkoutId: ['a', 'A'.repeat(128), 'A'.repeat(129), '-a', 'a/b', 'a b', 'a:b.c_d-e', 'ü', '0'],
  'customer.id': ['a', 'c'.repeat(128), 'c'.repeat(129), '-c', 'c/1', 'c 1'],
  'customer.email': [
    '"a b"@example.com',
    '"a\\"b"@example.com',
    'a@b',
    'a@localhost',
    'user@[127.0.0.1]',
    'ü@exämple.com',
    'a+tag@example.com',
    `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.com`,
    'a@example.com\r\nBcc: x@example.com',
    ' a@example.com',
    'Ada <ada@example.com>',
    'a@-example.com',
  ],
  'customer.name': [...EDGE_TEXT, 'Ada "The Countess" Lovelace', '=?utf-8?q?x?=', '<script>alert(1)</script>'],
  'customer.locale': [
    'de-DE',
    'x-private',
    'i-klingon',
    'und',
    'EN-us',
    'ar-EG-u-nu-arab',
    'zh-Hant-TW',
    'de-DE-u-cu-jpy',
  ],
  'customer.timezone': ['UTC', 'utc', 'Etc/GMT+14', 'EST5EDT', '+01:00', 'America/Argentina/ComodRivadavia'],
  'cart.currency': ['EUR', 'XYZ', 'XXX', 'JPY', 'BHD', 'CLF', 'eur', 'EURO'],
  'cart.total': EDGE_NUMBERS,
  'cart.items': [[], Array.from({ length: 100 }, (_, i) => ({ sku: `S${i}`, name: 'n', quantity: 1, unitPrice: 1 }))],
  'cart.items.0.sku': EDGE_TEXT,
  'cart.items.0.name': EDGE_TEXT,
  'cart.items.0.quantity': [1, 10_000, 10_001, 0, 1.5, -1],
  'cart.items.0.unitPrice': EDGE_NUMBERS,
  'cart.items.0.imageUrl': ['https://x.example/i.png', 'data:image/png;base64,AAAA', 'javascript:alert(1)'],
  checkoutUrl: [
    'HTTPS://shop.example.com/c',
    'Http://shop.example.com/c',
    'http://localhost:3000/c',
    'http://[::1]/c',
    'http://127.0.0.1/c',
    `https://shop.example.com/${'a'.repeat(2100)}`,
    'javascript:alert(1)',
    'https://shop.example.com/c?q=<x>',
  ],
  schedule: [
    [],
    [{ after: '1s' }],
    Array.from({ length: 10 }, (_, i) => ({ after: `${i + 1}s` })),
    [{ after: '1s' }, { after: '1s' }],
  ],
  'schedule.0.after': [
    '0s',
    '1s',
    '59s',
    '30d',
    '31d',
    '1d12h',
    '999999999999999999999d',
    ' 1s',
    '1S',
    '1w',
    '-1s',
    'PT1H',
    '2592000s',
    '2592001s',
  ],
  'schedule.0.template': ['friendly', 'cart', 'last-chance', 'Friendly', ''],
  'schedule.0.channel': ['email', 'sms', 'push', 'EMAIL', [], ['sms', 'email'], ['sms', 'sms'], ['fax']],
  lastActivityAt: [
    '2025-W05-3',
    '2025-001',
    '2025-02-30T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2025-01-31',
    '2025-01-31T12:00:00',
    '2025-01-31T24:00:00Z',
    '+275760-09-13T00:00:00Z',
    '20250131T120000Z',
    new Date(Date.now() + 86_400_000).toISOString(),
  ],
  at: ['2025-W05-3', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', new Date(Date.now() + 3_600_000).toISOString()],
  orderId: ['o', 'o'.repeat(129), 'o 1', 'o/1', 'ord:1.2_3-4'],
  total: EDGE_NUMBERS,
  email_id: ['"a b"@example.com', 'ü@exämple.com', 'a@b', 'a@example.com\r\nBcc: x@example.com'],
  order_id: ['legacy-unknown', 'x'.repeat(129), 'a b'],
};
const WEIRD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'checkoutId '];

/** Every path into a JSON value (objects and arrays), the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

/** Sets an own property even for names like "__proto__", so JSON.stringify writes it. */
function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export type Mutation =
  | { kind: 'set'; path: Path; value: unknown }
  | { kind: 'remove'; path: Path }
  | { kind: 'add'; path: Path; key: string; value: unknown };

/** The base with the mutations applied in order, the base itself untouched. */
export function mutated(base: unknown, mutations: Mutation[]): unknown {
  const root: { v: unknown } = { v: structuredClone(base) };
  for (const m of mutations) {
    const full: Path = ['v', ...m.path];
    let parent: unknown = root;
    for (const k of full.slice(0, -1)) parent = (parent as Record<string | number, unknown>)?.[k];
    if (typeof parent !== 'object' || parent === null) continue; // an earlier mutation removed or replaced it
    const last = full[full.length - 1] as string | number;
    if (m.kind === 'remove') {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else delete (parent as Record<string | number, unknown>)[last];
    } else if (m.kind === 'set') define(parent, last, m.value);
    else {
      const target = (parent as Record<string | number, unknown>)[last];
      // Only objects: JSON drops an array's named keys, and one named "constructor" or "length" would
      // break the generator itself (splice asks constructor[Symbol.species]), not the API under test.
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) define(target, m.key, m.value);
    }
  }
  return root.v;
}

/** Near-valid bodies: a valid one with one to three mutations, mostly field-aware edge values. */
export function nearValid(base: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  const valueFor = (path: Path): fc.Arbitrary<unknown> => {
    const key = path.join('.');
    const named = FIELD_VALUES[key] ?? FIELD_VALUES[String(path[path.length - 1])];
    const generic = fc.oneof(
      fc.constantFrom<unknown>(...EDGE_TEXT, ...EDGE_NUMBERS, true, null, [], {}),
      fc.jsonValue(),
    );
    return named
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...named) }, { weight: 1, arbitrary: generic })
      : generic;
  };
  const mutation: fc.Arbitrary<Mutation> = fc.constantFrom(...paths).chain((path) =>
    fc.oneof(
      { weight: 5, arbitrary: valueFor(path).map((value): Mutation => ({ kind: 'set', path, value })) },
      { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'remove', path }) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.oneof(fc.constantFrom(...WEIRD_KEYS), fc.string()), fc.jsonValue())
          .map(([key, value]): Mutation => ({ kind: 'add', path: path.slice(0, -1), key, value })),
      },
    ),
  );
  return fc.array(mutation, { minLength: 0, maxLength: 3 }).map((ms) => mutated(base, ms));
}

/** The raw request text: arbitrary JSON, malformed text, or a near-valid body. */
export function bodies(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const malformed = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '{',
      '{"a":}',
      '[1,]',
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"x":1}}}',
      'null',
      '"x"',
      '1e999',
      '\u0000',
    ),
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: malformed },
    { weight: 5, arbitrary: valid.map((v) => JSON.stringify(v) ?? 'null') },
  );
}

export const shortId = fc.uuid().map((u) => `fz-${u.slice(0, 13)}`);
