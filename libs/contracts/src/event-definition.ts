import type { PmoService } from './services';

/** A JSON Schema (draft 2020-12) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/**
 * One event type: its CloudEvents `type`, the topic that carries it, the service that alone may emit it
 * and the services that consume it, the JSON Schema of its `data`, and how to find the aggregate id that
 * keys it (so one aggregate's events stay ordered). Owner and consumers decide who may write and read
 * the topic on the broker too (see topic-access.ts).
 */
export interface EventDefinition<TType extends string, TData> {
  readonly type: TType;
  readonly topic: string;
  /** The only service whose events of this type are accepted; its CloudEvents source is `/pmo/<owner>`. */
  readonly owner: PmoService;
  /** The services with a handler for this type; a handler of another service fails its start. */
  readonly consumers: readonly PmoService[];
  readonly schema: JsonSchema;
  readonly aggregateIdOf: (data: TData) => string;
}

export function defineEvent<TData>() {
  return <TType extends string>(definition: EventDefinition<TType, TData>): EventDefinition<TType, TData> => definition;
}
