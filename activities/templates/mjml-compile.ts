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

export function compileMjml(source: string, options: MjmlOptions): Promise<MjmlCompileResult> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(join(__dirname, 'mjml-thread.js'), {
      workerData: { source, options } satisfies MjmlCompileRequest,
    });
    let result: MjmlCompileResult | undefined;
    thread.once('message', (message: MjmlCompileResult) => {
      result = message;
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`the MJML compile thread ended (code ${code}) without a result`));
    });
  });
}
