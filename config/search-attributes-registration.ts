// Registers this project's search attributes on a cluster we may administer. The embedded dev
// server gets them as start flags; a self-hosted cluster gets them here at boot. Temporal Cloud
// does not allow this call: there they are created once with tcld, so a refusal is only a warning.
import { status } from '@grpc/grpc-js';
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../common/search-attributes';

const TYPES = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Double: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  Int: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
} as const;

export async function registerSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
  log: (message: string) => void = console.warn,
): Promise<void> {
  const searchAttributes = Object.fromEntries(
    Object.entries(SEARCH_ATTRIBUTES).map(([name, type]) => [name, TYPES[type]]),
  );
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  } catch (err) {
    const code = (err as { code?: number }).code;
    if (code === status.ALREADY_EXISTS) return;
    log(
      `search attributes not registered (${(err as Error).message}); create them on the cluster: ${Object.keys(SEARCH_ATTRIBUTES).join(', ')}`,
    );
  }
}
