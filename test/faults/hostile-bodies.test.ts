// The fuzzing's body generator must never throw itself: a throw fails the hostile-input run without
// a single request reaching the API (CI once failed on an added "constructor" key on an array).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { mutated, nearValid } from './support/hostile-bodies';

const scheduleBody = { schedule: [{ after: '30m' }, { after: '1h', template: 'cart', channel: 'email' }] };

describe('near-valid body generator', () => {
  test('a named key added to an array does not break a later removal from it', () => {
    const body = mutated(scheduleBody, [
      { kind: 'add', path: ['schedule'], key: 'constructor', value: 0 },
      { kind: 'remove', path: ['schedule', 0] },
    ]);
    assert.deepEqual(body, { schedule: [{ after: '1h', template: 'cart', channel: 'email' }] });
  });

  test('keys named like prototype members are written as own fields of objects', () => {
    const base = { a: { b: 1 } };
    const body = mutated(base, [{ kind: 'add', path: ['a'], key: '__proto__', value: { x: 1 } }]);
    assert.equal(JSON.stringify(body), '{"a":{"b":1,"__proto__":{"x":1}}}');
    assert.equal(JSON.stringify(base), '{"a":{"b":1}}', 'the base is left untouched');
  });

  test('generates thousands of bodies from a nested base without throwing', () => {
    fc.assert(
      fc.property(nearValid(scheduleBody), (body) => JSON.stringify(body) !== undefined),
      { numRuns: 20_000 },
    );
  });
});
