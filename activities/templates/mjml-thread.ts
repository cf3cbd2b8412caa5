// Runs in a thread of its own (mjml-compile.ts): loads MJML, compiles one layout, posts the result
// and ends, so MJML's 16 MB never stay in the heap of the process that sends.
import { parentPort, workerData } from 'node:worker_threads';
import mjml2html from 'mjml';
import type { MjmlCompileRequest, MjmlCompileResult } from './mjml-compile';

const { source, options } = workerData as MjmlCompileRequest;
const post = (result: MjmlCompileResult) => parentPort?.postMessage(result);

mjml2html(source, options).then(
  (out) => post({ html: out.html, errors: out.errors.map((e) => e.formattedMessage) }),
  (err: unknown) => post({ html: '', errors: [err instanceof Error ? err.message : String(err)] }),
);
