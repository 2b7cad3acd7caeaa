import { InProcessTransport } from './in-process-transport';
import { KafkaTransport } from './kafka-transport';
import type { MessagingLogger } from './messaging-logger';
import type { MessagingSettings } from './messaging-settings';
import type { EventTransport } from './transport';

/** The transport the settings ask for. */
export function createTransport(settings: MessagingSettings, clientId: string, logger: MessagingLogger): EventTransport {
  if (settings.transport === 'in-process') return new InProcessTransport(settings.partitions);
  return new KafkaTransport({
    brokers: settings.kafkaBrokers,
    clientId,
    credentials: settings.kafkaCredentials,
    ssl: settings.kafkaSsl,
    partitions: settings.partitions,
    logger,
  });
}
