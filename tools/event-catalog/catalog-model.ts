/**
 * The event catalog as the docs show it: every type of EVENT_CATALOG (libs/contracts) with its topic, key,
 * schema, the service that produces it and the handlers that consume it.
 */
import { deadLetterTopicOf, EVENT_CATALOG, type JsonSchema, type PmoEventType } from '@pmo/contracts';
import type { EventCode, HandlerSite, OutboxSite } from './code-scan';

export interface CatalogEvent {
  type: PmoEventType;
  topic: string;
  /** The payload field whose value keys the Kafka message (and is the CloudEvents `subject`). */
  key: string;
  schema: JsonSchema;
  /** Services that add the type to their outbox. */
  producers: string[];
  /** Where they do it. */
  producedAt: OutboxSite[];
  consumers: HandlerSite[];
}

export interface CatalogTopic {
  topic: string;
  deadLetterTopic: string;
  events: CatalogEvent[];
}

export interface CatalogModel {
  services: string[];
  topics: CatalogTopic[];
}

/**
 * The services that produce `type`. An event definition that declares its `owner` (the service allowed to
 * publish it) is taken at its word; otherwise the services whose code adds the type to their outbox.
 */
export function producersOf(type: PmoEventType, code: EventCode): string[] {
  const owner = (EVENT_CATALOG[type] as { owner?: unknown }).owner;
  if (typeof owner === 'string') return [owner];
  return [...new Set(code.outboxWrites.filter((site) => site.type === type).map((site) => site.service))].sort();
}

/** The payload field `aggregateIdOf` reads, found by calling it on a payload that records what is read. */
export function keyFieldOf(type: PmoEventType): string {
  const read: string[] = [];
  const recorder: unknown = new Proxy({}, { get: (_target, property) => (read.push(String(property)), `<${String(property)}>`) });
  (EVENT_CATALOG[type].aggregateIdOf as (data: unknown) => string)(recorder);
  return read.join('.') || '(none)';
}

export function catalogModel(code: EventCode): CatalogModel {
  const types = Object.keys(EVENT_CATALOG) as PmoEventType[];
  const events: CatalogEvent[] = types.map((type) => ({
    type,
    topic: EVENT_CATALOG[type].topic,
    key: keyFieldOf(type),
    schema: EVENT_CATALOG[type].schema,
    producers: producersOf(type, code),
    producedAt: code.outboxWrites.filter((site) => site.type === type),
    consumers: code.handlers.filter((site) => site.type === type),
  }));
  const topics = [...new Set(events.map((event) => event.topic))].sort();
  return {
    services: code.services,
    topics: topics.map((topic) => ({
      topic,
      deadLetterTopic: deadLetterTopicOf(topic),
      events: events.filter((event) => event.topic === topic).sort((a, b) => a.type.localeCompare(b.type)),
    })),
  };
}
