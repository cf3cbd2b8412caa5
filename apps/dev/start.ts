// `npm start`: the whole stack on embedded defaults — Temporal dev server, local SES inbox, local
// SNS (SMS) viewer, worker and API — or, when the environment names real infrastructure, only the worker and API.
// Ctrl-C stops everything in order: API, worker (drained), then the embedded servers. Payloads are
// encrypted with a dev key kept in the data directory; the UI decodes them through the API's codec
// listener (CODEC_ADDRESS), which is apart from the API's public port.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { provideDevPayloadKeys } from '../../config/dev-payload-keys';
import { type DevStackConfig, devAppDefaults, loadDevConfig, provideDevSecrets } from '../../config/dev-stack';
import { type DevVapidSource, provideDevVapidKeys } from '../../config/dev-vapid-keys';
import { type AppConfig, ConfigError, loadConfig, type MetricsConfig } from '../../config/env';
import { type LocalPushServer, startLocalPushServer } from '../../stand-ins/local-push/main';
import { type LocalSns, startLocalSnsServer } from '../../stand-ins/local-sns/main';
import { startDevServer } from './dev-server';
import { type LocalStripe, localStripeInstalled, startLocalStripe } from './local-stripe';

// The worker's own shutdown grace (30 s) plus a margin before we stop waiting for it.
const CHILD_STOP_TIMEOUT_MS = 40_000;
const API_READY_TIMEOUT_MS = 60_000;

const prefixed = (name: string) => (line: string) => {
  for (const l of line.split('\n')) if (l.trim()) console.log(`[${name}] ${l}`);
};

function runApp(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(__dirname, '..', script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => prefixed(name)(d.toString()));
  child.stderr?.on('data', (d: Buffer) => prefixed(name)(d.toString()));
  return child;
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitForApi(url: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + API_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the API did not become healthy at ${url} within ${API_READY_TIMEOUT_MS} ms`);
}

/** Prometheus endpoints, each on a port of its own (docs/metrics.md). */
function metricsLines({ workerAddress, apiAddress }: MetricsConfig): string[] {
  return [
    workerAddress
      ? `  Worker metrics http://${workerAddress}/metrics`
      : '  Worker metrics off (WORKER_METRICS_ADDRESS is empty)',
    apiAddress
      ? `  API metrics    http://${apiAddress}/metrics`
      : '  API metrics    off (API_METRICS_ADDRESS is empty)',
  ];
}

/** The address a browser reaches the API on: a wildcard bind is not one. */
function browserHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

/** host:port as a browser reaches it. */
function browserAddress(address: string): string {
  const at = address.lastIndexOf(':');
  return `${browserHost(address.slice(0, at))}:${address.slice(at + 1)}`;
}

function describeKeySource(source: ReturnType<typeof provideDevPayloadKeys>): string {
  if (source === 'environment') return 'payload encryption: keys from PAYLOAD_ENCRYPTION_KEYS';
  if (source === 'off') return 'payload encryption: OFF (PAYLOAD_ENCRYPTION=off)';
  return `payload encryption: ${source.created ? 'generated a dev key in' : 'dev key from'} ${source.file} (keep it: without it the stored checkouts cannot be read)`;
}

function describeVapidSource(source: DevVapidSource): string {
  if (source === 'environment') return 'web push: VAPID keys from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY';
  return `web push: ${source.created ? 'generated dev VAPID keys in' : 'dev VAPID keys from'} ${source.file}`;
}

async function main(): Promise<void> {
  // The worker's and the API's environment: this one with npm start's development defaults and secrets.
  const env: NodeJS.ProcessEnv = { ...process.env };
  let dev: DevStackConfig;
  let config: AppConfig;
  try {
    // First, so a malformed setting of npm start's own stops it before anything is made or started.
    dev = loadDevConfig(env);
    for (const [name, value] of Object.entries(devAppDefaults(dev))) env[name] ??= value;
    provideDevSecrets(env, dev.dataDir);
    console.log(describeKeySource(provideDevPayloadKeys(env, dev.dataDir)));
    // Kept in the data directory, so subscriptions made for them still work after a restart.
    console.log(describeVapidSource(provideDevVapidKeys(env, dev.dataDir)));
    config = loadConfig(env);
  } catch (err) {
    console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
    process.exit(1);
  }
  const embeddedTemporal = dev.temporal.embedded;
  const uiPort = dev.temporal.uiPort;
  // Imported only when it runs: aws-ses-v2-local is a dev dependency, absent from production installs.
  const localSes = dev.localSes && (await import('../../stand-ins/local-ses/main.js'));
  let sesEndpoint = config.ses.endpoint;
  let snsEndpoint = config.sns.endpoint;
  const apiUrl = `http://${browserHost(config.api.host)}:${config.api.port}`;
  const codecEndpoint = config.codec.address && `http://${browserAddress(config.codec.address)}/codec`;

  let temporal: ChildProcess | undefined;
  let push: LocalPushServer | undefined;
  let ses: Server | undefined;
  let sns: LocalSns | undefined;
  let stripe: LocalStripe | undefined;
  let worker: ChildProcess | undefined;
  let api: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('stopping: API, worker (draining), then embedded servers…');
    await stopChild(api);
    await stopChild(worker);
    await stopChild(temporal);
    await push?.close();
    await new Promise<void>((r) => (ses ? ses.close(() => r()) : r()));
    await sns?.close();
    await stripe?.stop();
    process.exit(code);
  };
  const exitedUnexpectedly = (name: string) => (code: number | null) => {
    if (stopping) return;
    console.error(`${name} exited (${code})`);
    void stop(1);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    if (embeddedTemporal) {
      const [host, port] = config.temporal.address.split(':');
      console.log(`starting the Temporal dev server on ${config.temporal.address} (data in ${config.dataDir})…`);
      temporal = await startDevServer(
        {
          dataDir: config.dataDir,
          host: host ?? '127.0.0.1',
          port: Number(port ?? 7233),
          uiPort,
          namespace: config.temporal.namespace,
          ...(codecEndpoint && { uiCodecEndpoint: codecEndpoint }),
        },
        prefixed('temporal'),
      );
      temporal.once('exit', exitedUnexpectedly('temporal dev server'));
    }
    // Push has no central endpoint (each subscription carries its own), so the local push service
    // always runs: subscriptions made in its viewer point at it.
    push = await startLocalPushServer('127.0.0.1', dev.localPush.port, { stateFile: dev.localPush.stateFile });
    if (localSes && dev.localSes) {
      ses = await localSes.startLocalSesServer('127.0.0.1', dev.localSes.port);
      sesEndpoint = `http://127.0.0.1:${dev.localSes.port}`;
      env.SES_ENDPOINT = sesEndpoint;
    }
    if (dev.localSns) {
      const { port, invalidNumbers, optedOutNumbers } = dev.localSns;
      sns = await startLocalSnsServer('127.0.0.1', port, { invalidNumbers, optedOutNumbers });
      snsEndpoint = sns.url;
      env.SNS_ENDPOINT = snsEndpoint;
    }
    if (dev.localStripe && localStripeInstalled()) {
      stripe = await startLocalStripe(dev.localStripe.port);
      env.STRIPE_SECRET_KEY = 'sk_test_local';
      env.STRIPE_API_BASE = stripe.url;
      // The checkout page runs a 3-D Secure step with localstripe's own Stripe.js.
      env.STRIPE_PUBLISHABLE_KEY ??= 'pk_test_local';
    }
    if (config.databaseUrl) {
      worker = runApp('worker', 'worker/main.js', env);
      worker.once('exit', exitedUnexpectedly('worker'));
      api = runApp('api', 'api/main.js', env);
      api.once('exit', exitedUnexpectedly('API'));
    } else {
      // One process for both: the embedded database is one process's (apps/dev/embedded-app.ts).
      api = runApp('app', 'dev/embedded-app.js', env);
      api.once('exit', exitedUnexpectedly('API and worker'));
    }
    await waitForApi(apiUrl, api);

    const ns = encodeURIComponent(config.temporal.namespace);
    const lines = [
      '',
      'checkout-recovery is running:',
      `  API            ${apiUrl}   (OpenAPI docs: ${apiUrl}/docs)`,
      embeddedTemporal
        ? `  Temporal UI    http://127.0.0.1:${uiPort}/namespaces/${ns}/workflows   (filter: CustomerId="c-42")`
        : `  Temporal       ${config.temporal.address} (namespace ${config.temporal.namespace})`,
      codecEndpoint
        ? `  Codec          ${codecEndpoint}   (the UI decrypts payloads through it; its own listener, every decode logged)`
        : '  Codec          off (CODEC_ADDRESS is empty: the UI shows payloads encrypted)',
      `  Push service   ${push.url}   (local web push: make a test subscription there, read what arrives)`,
      dev.localSes
        ? `  SES inbox      ${sesEndpoint}`
        : `  SES            ${sesEndpoint ?? `AWS SES in ${config.ses.region}`}`,
      dev.localSns
        ? `  SMS (SNS)      ${snsEndpoint}   (texts sent; GET /messages as JSON)`
        : `  SMS (SNS)      ${snsEndpoint ?? `AWS SNS in ${config.sns.region}`}`,
      stripe
        ? `  Stripe         ${stripe.url}   (localstripe: pm_card_visa, pm_card_visa_chargeDeclined…)`
        : dev.localStripe
          ? '  Stripe         off (localstripe is not installed: npm run install:localstripe)'
          : '  Stripe         the account of STRIPE_SECRET_KEY',
      ...metricsLines(config.metrics),
      '  Ctrl-C stops everything.',
      '',
    ];
    console.log(lines.join('\n'));
  } catch (err) {
    console.error(`start failed: ${err instanceof Error ? err.message : String(err)}`);
    await stop(1);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
  process.exit(1);
});
