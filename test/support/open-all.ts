// Set-ups that open several resources at once. With a bare Promise.all, one that fails to open leaves
// the others open and unassigned, so no `after` closes them: a dev server, child process or listener
// left behind keeps the test file alive until the runner's timeout instead of failing it at once.

/** A resource on its way, and how to close it once it has opened. */
export type Opening<T> = readonly [opening: Promise<T>, close: (value: T) => unknown];

/**
 * Promise.all over the resources' promises, but when any fails it waits for the rest, closes those
 * that opened (newest first) and throws the first failure: a close's would hide why the set-up failed.
 */
export async function openAll<T extends readonly unknown[]>(
  resources: {
    readonly [K in keyof T]: Opening<T[K]>;
  },
): Promise<T> {
  const opened: Array<() => unknown> = [];
  const failures: unknown[] = [];
  // Each element's value goes only to its own close: unknown here, typed at the call.
  const values = await Promise.all(
    (resources as readonly Opening<unknown>[]).map(([opening, close]) =>
      opening.then(
        (value) => {
          opened.push(() => close(value));
          return value;
        },
        (err: unknown) => {
          failures.push(err);
        },
      ),
    ),
  );
  if (failures.length === 0) return values as unknown as T;
  await closeAll(opened.reverse()).catch(() => undefined);
  throw failures[0];
}

/** Runs every step in order, even after one fails; the failures are thrown together after. */
export async function closeAll(steps: ReadonlyArray<() => unknown>): Promise<void> {
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, 'closing what the test opened');
}
