import { CloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import { deadLetterTopicOf, EVENT_CATALOG, type PmoEvent } from '@pmo/contracts';
import { currentTraceHeaders } from './trace-context';
import type { ReceivedMessage, TransportMessage } from './transport';

/** Why an incoming message could not become an event; goes with it to the dead-letter topic. */
export class UndecodableMessageError extends Error {
  constructor(
    readonly code: 'PARSE' | 'ENVELOPE',
    message: string,
  ) {
    super(message);
  }
}

const REQUIRED_HEADERS = ['ce_id', 'ce_source', 'ce_type', 'ce_specversion'] as const;

/** Encodes an event in Kafka binary mode, keyed by its aggregate id, carrying the active trace. */
export function toBinaryMessage(event: PmoEvent): TransportMessage {
  const cloudEvent = new CloudEvent({ ...event, data: event.data });
  const binary = Kafka.binary(cloudEvent) as KafkaMessage<unknown>;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(binary.headers)) {
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  return {
    topic: EVENT_CATALOG[event.type].topic,
    key: event.subject,
    value: JSON.stringify(event.data),
    headers: { ...headers, ...currentTraceHeaders() },
  };
}

/** Decodes a binary-mode message; throws UndecodableMessageError when it is not a valid CloudEvent with JSON data. */
export function fromBinaryMessage(message: ReceivedMessage): PmoEvent {
  const missing = REQUIRED_HEADERS.filter((name) => !message.headers[name]);
  if (missing.length) throw new UndecodableMessageError('ENVELOPE', `not a CloudEvent in binary mode: missing header ${missing.join(', ')}`);
  let cloudEvent: CloudEvent<unknown>;
  try {
    const kafkaMessage: KafkaMessage<string> = { key: message.key, value: message.value, headers: message.headers, body: message.value };
    cloudEvent = Kafka.toEvent(kafkaMessage) as CloudEvent<unknown>;
  } catch (error) {
    throw new UndecodableMessageError('PARSE', `not a JSON CloudEvent: ${(error as Error).message}`);
  }
  try {
    cloudEvent.validate();
  } catch (error) {
    const details = (error as { errors?: unknown }).errors;
    throw new UndecodableMessageError('ENVELOPE', `invalid CloudEvents envelope: ${(error as Error).message}${details ? ` ${JSON.stringify(details)}` : ''}`);
  }
  if (typeof cloudEvent.data !== 'object' || cloudEvent.data === null) {
    throw new UndecodableMessageError('PARSE', `data is not a JSON object (content-type ${message.headers['content-type'] ?? 'missing'})`);
  }
  return {
    id: cloudEvent.id,
    source: cloudEvent.source,
    type: cloudEvent.type as PmoEvent['type'],
    specversion: cloudEvent.specversion,
    time: cloudEvent.time ?? new Date().toISOString(),
    subject: cloudEvent.subject ?? message.key,
    datacontenttype: cloudEvent.datacontenttype ?? 'application/json',
    data: cloudEvent.data as PmoEvent['data'],
  };
}

/** A copy of the message for its dead-letter topic, with the reason in headers. */
export function toDeadLetter(message: ReceivedMessage, code: string, reason: string): TransportMessage {
  return {
    topic: deadLetterTopicOf(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      'pmo-dlq-code': code,
      'pmo-dlq-reason': reason.slice(0, 2000),
      'pmo-dlq-topic': message.topic,
      'pmo-dlq-partition': String(message.partition),
      'pmo-dlq-offset': message.offset,
    },
  };
}
