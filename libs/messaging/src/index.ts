// Outbox relay, inbox and dead letters over Kafka and the in-process transport, with trace propagation.
export type { EventTransport, TransportMessage, ReceivedMessage, Subscription, SubscriptionHandle } from './transport';
export { KafkaTransport, type KafkaTransportOptions } from './kafka-transport';
export { InProcessTransport } from './in-process-transport';
export { createTransport } from './create-transport';
export { messagingSettingsFromEnv, type MessagingSettings, type KafkaCredentials } from './messaging-settings';
export { relaySettingsFromEnv, type RelaySettings } from './relay-settings';
export { toBinaryMessage, fromBinaryMessage } from './binary-mode';
export { addToOutbox, type StagedEvent } from './outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { EventConsumer, type EventHandler, type EventConsumerOptions } from './event-consumer';
export { PmoEventServer, PmoEventContext, EventBatchPattern, type EventServerOptions } from './event-server';
export { MessagingModule, EventOutbox, EVENT_TRANSPORT, type MessagingModuleOptions } from './messaging.module';
export type { MessagingLogger } from './messaging-logger';
export { CreateOutboxAndInbox1764000000000 } from './migrations/1764000000000-CreateOutboxAndInbox';
