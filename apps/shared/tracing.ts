// The process's OpenTelemetry tracer: spans of the Temporal client (API), the workflows and the send
// activities (worker), batched to the OTLP/HTTP endpoint the configuration names. The Temporal
// interceptors carry the trace context in workflow and activity headers, so one checkout's start,
// its workflow run, each reminder's send and the order's update join one trace.
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { TracingConfig } from '../../config/tracing';

export interface Tracing {
  resource: Resource;
  spanProcessor: SpanProcessor;
  /** Exports what is buffered and stops: call at shutdown so the last spans are not lost. */
  shutdown(): Promise<void>;
}

let started: Tracing | undefined;

/**
 * Registers the global tracer provider, once per process (npm start runs the API and the worker in
 * one); undefined when tracing is off (the SDK's no-op tracer stays).
 */
export function startTracing(config: TracingConfig | undefined, processName: string): Tracing | undefined {
  if (!config) return undefined;
  if (started) return started;
  const resource = new Resource({ 'service.name': config.serviceName ?? processName });
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesUrl }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  started = { resource, spanProcessor, shutdown: () => provider.shutdown() };
  return started;
}
