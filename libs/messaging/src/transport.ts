/** A CloudEvent in Kafka binary mode: `ce_*` headers, `content-type`, `traceparent`; the value is the JSON data. */
export interface TransportMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface ReceivedMessage extends TransportMessage {
  partition: number;
  offset: string;
}

export interface Subscription {
  groupId: string;
  topics: readonly string[];
  /** Where a group with no committed offset starts: the oldest message, or only what arrives from now on. */
  fromBeginning: boolean;
  /**
   * Resolves when the message is fully handled: only then may its offset be committed.
   * A rejection means "not handled": the transport delivers the same message again.
   */
  handle: (message: ReceivedMessage) => Promise<void>;
}

export interface SubscriptionHandle {
  close(): Promise<void>;
}

/**
 * How events move between services. Kafka in the distributed mode, an in-process log in the embedded mode;
 * both keep one key's messages in order and deliver each message at least once.
 */
export interface EventTransport {
  readonly kind: 'kafka' | 'in-process';
  /** Creates the topics (and their dead-letter topics) that do not exist yet. */
  ensureTopics(topics: readonly string[]): Promise<void>;
  /** Resolves once every message is durably accepted, in order per key. */
  publish(messages: readonly TransportMessage[]): Promise<void>;
  /**
   * Starts consuming, creating the subscribed topics if need be. It may return before the consumer has
   * joined its group (Kafka joins, and rejoins after an outage, in the background); `isHealthy` says when.
   */
  subscribe(subscription: Subscription): Promise<SubscriptionHandle>;
  /** The broker answers and every subscription consumes. */
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}
