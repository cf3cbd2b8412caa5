// MJML is needed once per brand, at boot, and weighs 16 MB of heap once loaded. A process that
// keeps it pays for it on every collection for as long as it runs (the worker measured ~3.6 M
// instructions a reminder for 41 MB of unused libraries), so the compile runs in a short-lived
// thread and only the HTML comes back.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MjmlOptions } from 'mjml';

export interface MjmlCompileRequest {
  source: string;
  options: MjmlOptions;
}

export interface MjmlCompileResult {
  html: string;
  /** MJML's formatted messages (or the compiler's own failure); empty when the layout compiled. */
  errors: string[];
}

// MJML compiles the layout in well under a second; a thread that has not answered in this long
// (a worker under valgrind runs about 65 times slower) is stuck, and the boot says so.
const COMPILE_TIMEOUT_MS = 300_000;

export function compileMjml(source: string, options: MjmlOptions): Promise<MjmlCompileResult> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(join(__dirname, 'mjml-thread.js'), {
      workerData: { source, options } satisfies MjmlCompileRequest,
    });
    const timer = setTimeout(() => {
      settle(() => reject(new Error(`the MJML compile thread gave no answer in ${COMPILE_TIMEOUT_MS / 1000} s`)));
    }, COMPILE_TIMEOUT_MS);
    let settled = false;
    // Whatever ends it first (the answer, a crash, an exit without an answer), the thread goes:
    // a handle MJML left open must not keep it, or the boot, waiting.
    function settle(done: () => void) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void thread.terminate();
      done();
    }
    thread.once('message', (message: MjmlCompileResult) => settle(() => resolve(message)));
    thread.once('error', (err) => settle(() => reject(err)));
    thread.once('exit', (code) =>
      settle(() => reject(new Error(`the MJML compile thread ended (code ${code}) without a result`))),
    );
  });
}
