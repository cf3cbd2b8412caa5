// The API process: connect to Temporal, serve HTTP, and on SIGINT/SIGTERM close both.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { describeEncryption } from '../../config/encryption/data-converter';
import { ConfigError, loadConfig } from '../../config/env';
import { connectClient } from '../../config/temporal';
import { createApiApp } from './create-api-app';
import { MetricsServer } from './metrics/metrics-server';
import { DOCS_PATH } from './openapi';

async function main(): Promise<void> {
  const config = loadConfig();
  const client = await connectClient(config);
  try {
    const app = await createApiApp(config, client, { closeClientOnShutdown: true });
    app.enableShutdownHooks();
    await app.listen(config.api.port, config.api.host);
    const logger = new Logger('Main');
    logger.log(`checkout-recovery API on ${config.api.publicUrl} (docs: ${config.api.publicUrl}/${DOCS_PATH})`);
    const metricsUrl = app.get(MetricsServer).url;
    if (metricsUrl) logger.log(`API metrics on ${metricsUrl}`);
    if (!config.api.apiKey) logger.warn('API_KEY is not set: every route is open');
    if (config.encryption.enabled) logger.log(describeEncryption(config.encryption));
    else logger.warn(describeEncryption(config.encryption));
  } catch (err) {
    await client.connection.close(); // the app never took ownership of it
    throw err;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
  process.exit(1);
});
