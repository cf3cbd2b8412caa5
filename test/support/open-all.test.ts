// The set-up helper (test/support/open-all.ts): a resource that fails to open closes the others that
// did, even those that open after the failure, and the open's failure is what the set-up reports.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { closeAll, openAll } from './open-all';

/** A promise settled by the test, to choose the order the resources open in. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('openAll', () => {
  test('gives the values in order, and closes nothing, when every resource opens', async () => {
    const closed: string[] = [];
    const [n, s] = await openAll([
      [Promise.resolve(1), () => closed.push('n')],
      [Promise.resolve('s'), () => closed.push('s')],
    ]);
    assert.equal(n, 1);
    assert.equal(s, 's');
    assert.deepEqual(closed, []);
  });

  test('when one fails, the ones that opened are closed, newest first, and its own error is thrown', async () => {
    const closed: string[] = [];
    const early = deferred<string>();
    const failing = deferred<string>();
    const late = deferred<string>();
    const boom = new Error('the dev server did not start');
    const opening = openAll([
      [early.promise, (v) => closed.push(v)],
      [failing.promise, (v) => closed.push(v)],
      [late.promise, (v) => closed.push(v)],
    ]);
    early.resolve('early');
    await Promise.resolve();
    failing.reject(boom);
    await Promise.resolve();
    late.resolve('late'); // still opening when the other failed: closed all the same
    await assert.rejects(opening, (err) => err === boom);
    assert.deepEqual(closed, ['late', 'early']);
  });

  test("a close that fails while undoing neither stops the others nor hides the open's failure", async () => {
    const closed: string[] = [];
    const boom = new Error('the ledger did not open');
    const opening = openAll([
      [Promise.resolve('a'), (v) => closed.push(v)],
      [
        Promise.resolve('b'),
        () => {
          throw new Error('b would not close');
        },
      ],
      [Promise.reject(boom), () => closed.push('never opened')],
    ]);
    await assert.rejects(opening, (err) => err === boom);
    assert.deepEqual(closed, ['a']);
  });
});

describe('closeAll', () => {
  test('runs every step, in order, even after some fail, then throws their failures together', async () => {
    const ran: string[] = [];
    const first = new Error('the API would not close');
    const second = new Error('the worker had died');
    const closing = closeAll([
      async () => {
        ran.push('api');
        throw first;
      },
      () => {
        ran.push('worker');
        throw second;
      },
      async () => {
        ran.push('ledger');
      },
    ]);
    await assert.rejects(
      closing,
      (err) => err instanceof AggregateError && err.errors[0] === first && err.errors[1] === second,
    );
    assert.deepEqual(ran, ['api', 'worker', 'ledger']);
  });

  test('resolves when every step does', async () => {
    const ran: number[] = [];
    await closeAll([() => ran.push(1), async () => ran.push(2)]);
    assert.deepEqual(ran, [1, 2]);
  });
});
