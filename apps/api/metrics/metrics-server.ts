import { createServer } from 'node:http';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { baseUrlOf, SideListener } from '../http/side-listener';
import { ApiMetrics } from './api-metrics';

/**
 * Serves GET /metrics on API_METRICS_ADDRESS, a listener of its own apart from the public port:
 * the public port carries the links in emails, so it faces the internet, while metrics are for
 * Prometheus on the internal network and need no key there. Not set: no endpoint.
 */
@Injectable()
export class MetricsServer extends SideListener implements OnApplicationBootstrap {
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly metrics: ApiMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** http://host:port/metrics once listening (the bound port when configured as 0); undefined when off. */
  get url(): string | undefined {
    const base = baseUrlOf(this.server);
    return base && `${base}/metrics`;
  }

  async onApplicationBootstrap(): Promise<void> {
    const configured = this.config.metrics.apiAddress;
    if (!configured) return;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('GET /metrics\n');
        return;
      }
      this.metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(text),
        (err: unknown) => {
          this.logger.error('collecting metrics failed', err instanceof Error ? err.stack : String(err));
          res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
        },
      );
    });
    await this.listen(server, configured, 'API_METRICS_ADDRESS', 'API metrics');
  }
}
