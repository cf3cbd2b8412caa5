// A real Temporal dev server and the API in-process on port 0, for the API's tests. No worker:
// workflows started here stay queued, which is all these tests need.
import { randomUUID } from 'node:crypto';
import { after, before } from 'node:test';
import { ConsoleLogger, type INestApplication, type LoggerService } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { CodecServer } from '../../../apps/api/codec/codec-server';
import { createApiApp } from '../../../apps/api/create-api-app';
import { MetricsServer } from '../../../apps/api/metrics/metrics-server';
import { type AppConfig, loadConfig } from '../../../config/env';
import { type LedgerStores, openStores } from '../../../storage/send-ledger';
import { TEST_LINK_SECRET } from '../../support/links';
import { TEST_ENCRYPTION_ENV } from '../../support/payload-keys';
import { devServerEnv } from '../../support/temporal-env';

/** The legacy route's HMAC key in tests. Not a secret. */
export const TEST_CUSTOMER_ID_SECRET = 'test-customer-id-secret-of-at-least-32-chars';

export const startTemporal = (): Promise<TestWorkflowEnvironment> => devServerEnv();

/**
 * The app's config as loadConfig builds it from this environment; a task queue no worker polls.
 * Quiet hours are off unless a test turns them on: seconds-long schedules must not depend on
 * the hour the suite runs at. Offers too: the tests that count a checkout's Actions count plain reminders.
 */
export function testConfig(env: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig({
    TASK_QUEUE: `api-test-${randomUUID()}`,
    LINK_SIGNING_SECRET: TEST_LINK_SECRET,
    CUSTOMER_ID_SECRET: TEST_CUSTOMER_ID_SECRET,
    QUIET_HOURS: 'off',
    // Tests that expect reminders must not find their customer held out; the holdout's own tests set it.
    HOLDOUT_PERCENT: '0',
    FREQUENCY_CAP: 'off',
    SUPERSEDE: 'off',
    DISCOUNT_OFFERS: 'off',
    // No worker polls these task queues: an order falls back to its signal after this long.
    ORDER_ACK_TIMEOUT: '1s',
    ...TEST_ENCRYPTION_ENV,
    // An ephemeral port: test files run side by side, and a developer's `npm start` may hold the default.
    API_METRICS_ADDRESS: '127.0.0.1:0',
    CODEC_ADDRESS: '127.0.0.1:0',
    ...env,
  });
}

export interface RunningApi {
  app: INestApplication;
  url: string;
  /** The Prometheus endpoint on its own port; undefined when API_METRICS_ADDRESS is empty. */
  metricsUrl: string | undefined;
  /** The codec endpoint (…/codec) on its own port; undefined when CODEC_ADDRESS is empty. */
  codecUrl: string | undefined;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * The API on port 0. `stores`: the preference store and stop records to share with a worker
 * (end-to-end tests); by default the API gets in-memory ones of its own, closed with it.
 */
export async function startApi(
  client: Client,
  env: NodeJS.ProcessEnv = {},
  stores?: Pick<LedgerStores, 'preferences' | 'stops'> &
    Partial<Pick<LedgerStores, 'events' | 'starts' | 'analytics' | 'vault' | 'inventory' | 'orders' | 'shortLinks'>>,
  /** Nest's logger; by default errors only. Nest's Logger is process-wide: the app started last wins. */
  logger: LoggerService = new ConsoleLogger({ logLevels: ['error'] }),
): Promise<RunningApi> {
  const config = testConfig(env);
  const own = stores ? undefined : await openStores({ databaseUrl: undefined, inMemory: true });
  const shared = stores ?? own;
  const app = await createApiApp(config, client, {
    logger,
    ...(shared && { preferences: shared.preferences, stops: shared.stops }),
    ...(shared?.events && { events: shared.events }),
    ...(shared?.starts && { starts: shared.starts }),
    ...(shared?.analytics && { analytics: shared.analytics }),
    ...(shared?.vault &&
      shared.inventory &&
      shared.orders && {
        checkout: { vault: shared.vault, inventory: shared.inventory, orders: shared.orders },
      }),
    ...(shared?.shortLinks && { shortLinks: shared.shortLinks }),
  }).catch(async (err: unknown) => {
    // A refused configuration must not leave its database open.
    await own?.close();
    throw err;
  });
  const close = async () => {
    try {
      await app.close();
    } finally {
      await own?.close();
    }
  };
  try {
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const metricsUrl = app.get(MetricsServer).url;
    const codecUrl = app.get(CodecServer).url;
    return { app, url, metricsUrl, codecUrl, config, close };
  } catch (err) {
    // Nor an app that could not listen: its metrics and codec listeners are open already (init).
    await close().catch(() => undefined);
    throw err;
  }
}

/** The API a test file runs against: started in `before`, closed in `after`; read it inside tests. */
export interface ApiUnderTest {
  readonly url: string;
  readonly config: AppConfig;
  /** The Nest application, to reach its providers (e.g. the preference store). */
  readonly app: INestApplication;
  /** The API's Prometheus endpoint (its own port). */
  readonly metricsUrl: string | undefined;
  /** A client of the dev server the API talks to. */
  readonly client: Client;
  readonly temporal: TestWorkflowEnvironment;
}

/** A dev server and the API (startApi with `env`) for the calling test file. */
export function useApi(env: NodeJS.ProcessEnv = {}): ApiUnderTest {
  let temporal: TestWorkflowEnvironment | undefined;
  let api: RunningApi | undefined;
  before(async () => {
    temporal = await startTemporal();
    api = await startApi(temporal.client, env);
  });
  after(async () => {
    await api?.close();
    await temporal?.teardown();
  });
  const started = () => {
    if (!temporal || !api) throw new Error('useApi: the API starts in before(); read it inside a test');
    return { temporal, api };
  };
  return {
    get url() {
      return started().api.url;
    },
    get config() {
      return started().api.config;
    },
    get app() {
      return started().api.app;
    },
    get metricsUrl() {
      return started().api.metricsUrl;
    },
    get client() {
      return started().temporal.client;
    },
    get temporal() {
      return started().temporal;
    },
  };
}

export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export interface JsonResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: assertions read response bodies freely
  body: any;
  headers: Headers;
}

/** fetch with a JSON body (or a raw string, sent as JSON), answering the parsed body. */
export async function call(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const response = await fetch(url, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (an HTML page): keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** A valid POST /checkouts body; override parts per test. */
export function checkoutBody(checkoutId: string, overrides: Record<string, unknown> = {}) {
  return {
    checkoutId,
    customer: { id: 'c-42', email: 'ada@example.com', name: 'Ada', locale: 'de-DE', timezone: 'Europe/Berlin' },
    cart: {
      currency: 'EUR',
      total: 59.9,
      items: [{ sku: 'SKU-1', name: 'Blue mug', quantity: 2, unitPrice: 29.95 }],
    },
    checkoutUrl: `https://shop.example.com/checkout/${checkoutId}`,
    ...overrides,
  };
}
