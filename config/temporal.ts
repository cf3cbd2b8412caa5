// Connection settings the Temporal ecosystem's way (@temporalio/envconfig: TEMPORAL_ADDRESS,
// TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS*, temporal.toml profiles), with our defaults.
import { Client, Connection } from '@temporalio/client';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { NativeConnectionOptions } from '@temporalio/worker';
import { dataConverterFor } from './encryption/data-converter';
import type { AppConfig } from './env';

export interface TemporalTarget {
  connectionOptions: NativeConnectionOptions;
  namespace: string;
}

export function temporalTarget(config: AppConfig): TemporalTarget {
  const loaded = loadClientConnectConfig();
  return {
    connectionOptions: {
      ...loaded.connectionOptions,
      address: loaded.connectionOptions.address ?? config.temporal.address,
    },
    namespace: loaded.namespace ?? config.temporal.namespace,
  };
}

/** A client for the API and tools, encrypting payloads; the caller owns `client.connection` and closes it. */
export async function connectClient(config: AppConfig): Promise<Client> {
  const target = temporalTarget(config);
  const connection = await Connection.connect(target.connectionOptions);
  return new Client({
    connection,
    namespace: target.namespace,
    dataConverter: dataConverterFor(config.encryption),
    // With tracing on, each start, update and signal is a span whose context the workflow continues.
    ...(config.tracing && { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } }),
  });
}
