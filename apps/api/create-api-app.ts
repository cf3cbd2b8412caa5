import { type INestApplication, Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Client } from '@temporalio/client';
import { prepareTemplates } from '../../activities/templates/prepare';
import { type CheckoutStores, customerVaultFor } from '../../checkout/customer-vault-for';
import { checkApiEdge } from '../../config/api-edge';
import type { AppConfig } from '../../config/env';
import type { AnalyticsStore } from '../../storage/analytics-store';
import type { CheckoutStops } from '../../storage/checkout-stops';
import type { EventStore } from '../../storage/event-store';
import type { PreferenceStore } from '../../storage/preferences-store';
import type { ShortLinks } from '../../storage/short-links';
import type { StartRecords } from '../../storage/start-records';
import { apiModule } from './api.module';
import { codecCors } from './codec/codec-cors';
import { CodecServer } from './codec/codec-server';
import { correlationIdMiddleware } from './http/correlation-id';
import { useBodyParsers } from './http/json-body';
import { methodNotAllowedMiddleware } from './http/method-not-allowed';
import { rateLimitMiddleware } from './http/rate-limit.middleware';
import { requestSpanMiddleware } from './http/request-span';
import { useSecurityHeaders } from './http/security-headers';
import { ApiMetrics } from './metrics/api-metrics';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { setupOpenApi } from './openapi';

export interface ApiAppOptions {
  /** Close `client.connection` when the app closes: main.ts, which made the client, says yes; tests close their own. */
  closeClientOnShutdown?: boolean;
  /** Closed when the app closes: main.ts's database pool (tests close their own). */
  closeStores?: () => Promise<void>;
  /** Nest's logger, or its log levels; false silences it. */
  logger?: LoggerService | LogLevel[] | false;
  /**
   * The customer preference store (the ledger's database). Absent: preferences answer 503 and an
   * unsubscribe stops only the running checkouts.
   */
  preferences?: PreferenceStore;
  /** Where orders, cancels and supersedes are recorded for the sends' claims to read (same database). */
  stops?: CheckoutStops;
  /** The analytics event stream (same database); absent: nothing is recorded and the analytics answer 503. */
  events?: EventStore;
  /** A new checkout's record in one statement, on the database of the three stores above. */
  starts?: StartRecords;
  /** The analytics' queries (same database); absent: the analytics routes and the dashboard answer 503. */
  analytics?: AnalyticsStore;
  /** The one-click checkout's stores (same database): the sealed vault, stock, placed orders. */
  checkout?: CheckoutStores;
  /** The short resume links of texts (same database); absent: `/r/<short id>` finds none. */
  shortLinks?: ShortLinks;
}

/**
 * Builds the HTTP API around a Temporal client, initialised but not listening: main.ts listens on
 * the configured address, end-to-end tests on port 0. A failed start closes the app, with it what
 * `closeClientOnShutdown` and `closeStores` give it to own.
 */
export async function createApiApp(
  config: AppConfig,
  client: Client,
  options: ApiAppOptions = {},
): Promise<INestApplication> {
  checkApiEdge(config); // every way of building the API refuses to run open outside development
  // The pages and previews read the catalogues: a broken override stops the start, naming file and key.
  await prepareTemplates(config);
  const app = await NestFactory.create<NestExpressApplication>(
    apiModule({
      config,
      client,
      closeClientOnShutdown: options.closeClientOnShutdown ?? false,
      legacyCheckoutUrl: config.api.legacyCheckoutUrl,
      preferences: options.preferences ?? null,
      stops: options.stops ?? null,
      events: options.events ?? null,
      starts: options.starts ?? null,
      analytics: options.analytics ?? null,
      vault: customerVaultFor(config, options.checkout),
      shortLinks: options.shortLinks ?? null,
      ...(options.closeStores && { closeStores: options.closeStores }),
    }),
    { bodyParser: false, logger: options.logger ?? new Logger() },
  );
  try {
    // With tracing on, before anything else: a refused request is a span too, and the rest runs inside it.
    if (config.tracing) app.use(requestSpanMiddleware());
    // Then, so every request is timed, counted and given its correlation id, also those a body parser or the guard refuses.
    app.use(correlationIdMiddleware());
    app.use(httpMetricsMiddleware(app.get(ApiMetrics)));
    useSecurityHeaders(app, config.checkout.stripeJs?.url);
    app.use(app.get(CodecServer).codecListenerOnly());
    app.use('/codec', codecCors(config.api.codecCorsOrigins));
    // The client address behind a load balancer (TRUST_PROXY), for the limits right after.
    app.set('trust proxy', config.api.rateLimits.trustProxy);
    // Before the body is read: a refused request costs no parsing.
    app.use(rateLimitMiddleware(config.api.rateLimits));
    // Before the guard and the body parsers: a method the path does not have is 405 whoever asks.
    app.use(methodNotAllowedMiddleware(app.getHttpAdapter().getInstance()));
    useBodyParsers(app);
    setupOpenApi(app, config);
    await app.init();
  } catch (err) {
    // A failed step (a start hook, say, after another opened its listener: codec, metrics) would leave
    // the app's listeners and stores open in this process: close what it opened and was given to own.
    await app.close().catch(() => undefined);
    throw err;
  }
  return app;
}
