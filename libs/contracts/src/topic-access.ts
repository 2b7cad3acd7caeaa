import { EVENT_CATALOG, deadLetterTopicOf } from './catalog';
import type { PmoService } from './services';

/** What one service needs on the broker, derived from the owners and consumers of the catalog's events. */
export interface TopicAccess {
  /** Topics of the events it owns: it publishes there (outbox relay) and creates them at start. */
  writes: string[];
  /** Topics of the events it consumes: its consumer group reads them. */
  reads: string[];
  /** Dead-letter topics of what it reads: its consumer writes unusable messages there. */
  deadLetters: string[];
}

export function topicAccessOf(service: PmoService): TopicAccess {
  const definitions = Object.values(EVENT_CATALOG);
  const topics = (keep: (definition: (typeof definitions)[number]) => boolean) => [...new Set(definitions.filter(keep).map((d) => d.topic))].sort();
  const reads = topics((d) => d.consumers.includes(service));
  return { writes: topics((d) => d.owner === service), reads, deadLetters: reads.map(deadLetterTopicOf) };
}
