// Schema keywords a property decorator cannot carry (conditions between fields), set on the DTO
// class next to the validation that enforces them and merged into its OpenAPI component schema.
import type { SchemaObject } from '@nestjs/swagger';

const extras = new Map<string, Partial<SchemaObject>>();

/** Merges `extra` into this class's component schema (named after the class, as @nestjs/swagger names it). */
export const ApiSchemaExtra =
  (extra: Partial<SchemaObject>): ClassDecorator =>
  (target) => {
    extras.set(target.name, extra);
  };

export function schemaExtras(): ReadonlyMap<string, Partial<SchemaObject>> {
  return extras;
}
