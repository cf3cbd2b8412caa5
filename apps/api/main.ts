// The API process: connect to Temporal (and, with DATABASE_URL, the customer preference store),
// serve HTTP, and on SIGINT/SIGTERM close them all.
import 'reflect-metadata';
import { ConsoleLogger, type INestApplication, Logger } from '@nestjs/common';
import { prepareTemplates } from '../../activities/templates/prepare';
import { checkApiEdge } from '../../config/api-edge';
import { checkDatabase } from '../../config/database-policy';
import { describeEncryption } from '../../config/encryption/data-converter';
import { type AppConfig, ConfigError, loadConfig } from '../../config/env';
import { connectClient } from '../../config/temporal';
import type { LedgerStores } from '../../storage/send-ledger';
import { openStores } from '../../storage/send-ledger';
import { startTracing } from '../shared/tracing';
import { createApiApp } from './create-api-app';
import { MetricsServer } from './metrics/metrics-server';
import { DOCS_PATH } from './openapi';

/**
 * Listening when it resolves; the caller closes the app. `ownsStores`: the app closes `stores` when
 * it closes (the API process); npm start's embedded stack shares them with its worker, which outlives the API.
 */
export async function serveApi(
  config: AppConfig,
  stores: LedgerStores | undefined,
  ownsStores = false,
): Promise<INestApplication> {
  const tracing = startTracing(config.tracing, 'checkout-recovery-api');
  const client = await connectClient(config);
  // The API process flushes its last spans at shutdown; in npm start's one process the worker does.
  const closeStores =
    ownsStores && (stores || tracing)
      ? async () => {
          await stores?.close();
          await tracing?.shutdown();
        }
      : undefined;
  let app: INestApplication | undefined;
  try {
    app = await createApiApp(config, client, {
      closeClientOnShutdown: true,
      // LOG_FORMAT=json: one object per line (Nest 11's JSON console logger), the default in production.
      ...(config.logFormat === 'json' && { logger: new ConsoleLogger({ json: true }) }),
      ...(stores && {
        preferences: stores.preferences,
        stops: stores.stops,
        events: stores.events,
        starts: stores.starts,
        analytics: stores.analytics,
        checkout: stores,
        shortLinks: stores.shortLinks,
      }),
      ...(closeStores && { closeStores }),
    });
    await app.listen(config.api.port, config.api.host);
    const logger = new Logger('Main');
    logger.log(`checkout-recovery API on ${config.api.publicUrl} (docs: ${config.api.publicUrl}/${DOCS_PATH})`);
    const metricsUrl = app.get(MetricsServer).url;
    if (metricsUrl) logger.log(`API metrics on ${metricsUrl}`);
    if (!config.api.apiKey)
      logger.warn(`API_KEY is not set${config.api.authOff ? ' (API_AUTH=off)' : ''}: every route is open`);
    if (!stores) {
      logger.warn(
        'DATABASE_URL is not set: customer preferences answer 503 and an unsubscribe stops only running checkouts ' +
          '(npm start runs the API beside the worker on the embedded database instead)',
      );
    }
    if (config.encryption.enabled) logger.log(describeEncryption(config.encryption));
    else logger.warn(describeEncryption(config.encryption));
    return app;
  } catch (err) {
    // Made, the app owns the connection (and, with ownsStores, the stores) and its side listeners:
    // closing it closes them. Not made, it has closed what it owned; the connection is closed again
    // here for a start that failed before the app took it (closing twice is harmless).
    await app?.close().catch(() => undefined);
    await client.connection.close();
    throw err;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  checkApiEdge(config); // before any connection: a refused start names the setting, not a far server
  checkDatabase(config);
  await prepareTemplates(config); // before any connection: a broken override names file and key
  // The embedded engine belongs to the worker's process; only a real server is shared.
  const stores = config.databaseUrl ? await openStores({ databaseUrl: config.databaseUrl }) : undefined;
  const app = await serveApi(config, stores, true);
  // On SIGINT/SIGTERM Nest closes the app (its requests, the Temporal connection, the store's pool).
  app.enableShutdownHooks();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
    process.exit(1);
  });
}
