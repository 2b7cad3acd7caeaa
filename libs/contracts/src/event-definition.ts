/** A JSON Schema (draft 2020-12) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/**
 * One event type: its CloudEvents `type`, the topic that carries it, the JSON Schema of its `data`,
 * and how to find the aggregate id that keys it (so one aggregate's events stay ordered).
 */
export interface EventDefinition<TType extends string, TData> {
  readonly type: TType;
  readonly topic: string;
  readonly schema: JsonSchema;
  readonly aggregateIdOf: (data: TData) => string;
}

export function defineEvent<TData>() {
  return <TType extends string>(definition: EventDefinition<TType, TData>): EventDefinition<TType, TData> => definition;
}
