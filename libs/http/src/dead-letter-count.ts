import { deadLetterTopicOf } from '@pmo/contracts';
import type { EventTransport, TransportMessage } from '@pmo/messaging';
import { deadLetters } from './metrics-registry';

/**
 * The transport a service's consumer uses, counting what it sends to dead-letter topics into
 * `pmo_dead_letters_total` (by source topic and the `pmo-dlq-code` the consumer gives). Everything else
 * passes through unchanged.
 */
export function countingDeadLetters(transport: EventTransport, service: string): EventTransport {
  const isDeadLetter = (message: TransportMessage) =>
    message.headers['pmo-dlq-topic'] !== undefined && message.topic === deadLetterTopicOf(message.headers['pmo-dlq-topic']);
  return {
    kind: transport.kind,
    ensureTopics: (topics) => transport.ensureTopics(topics),
    subscribe: (subscription) => transport.subscribe(subscription),
    isHealthy: () => transport.isHealthy(),
    close: () => transport.close(),
    publish: async (messages) => {
      await transport.publish(messages);
      for (const message of messages.filter(isDeadLetter)) {
        deadLetters.inc({ service, topic: message.headers['pmo-dlq-topic'], code: message.headers['pmo-dlq-code'] ?? 'UNKNOWN' });
      }
    },
  };
}
