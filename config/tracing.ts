// OpenTelemetry tracing, configured by the standard OTLP variables so any collector (the OpenTelemetry
// Collector, Grafana Tempo, Jaeger, Honeycomb, Datadog's agent) receives the spans without code:
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the full URL) or OTEL_EXPORTER_OTLP_ENDPOINT (a base URL, to
// which `/v1/traces` is added, as the specification says). Neither set: tracing is off.
import { ConfigError } from './config-error';
import type { Env } from './parsers';

export interface TracingConfig {
  /** The OTLP/HTTP traces URL the spans are posted to. */
  tracesUrl: string;
  /** OTEL_SERVICE_NAME; undefined: each process names itself (checkout-recovery-api / -worker). */
  serviceName: string | undefined;
}

export function loadTracing(env: Env): TracingConfig | undefined {
  const full = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!full && !base) return undefined;
  const name = full ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  const raw = (full || base) as string;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  const tracesUrl = full ? url.href : `${url.href.replace(/\/+$/, '')}/v1/traces`;
  return { tracesUrl, serviceName: env.OTEL_SERVICE_NAME?.trim() || undefined };
}
