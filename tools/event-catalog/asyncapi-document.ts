/**
 * docs/asyncapi.yaml: the catalog as an AsyncAPI 3.0 document. One channel per topic (and per dead-letter
 * topic), one message per event type with its JSON Schema from libs/contracts as payload and the CloudEvents
 * binary-mode headers, and per service one send and one receive operation per topic it writes or reads.
 */
import type { JsonSchema } from '@pmo/contracts';
import { stringify } from 'yaml';
import type { CatalogEvent, CatalogModel } from './catalog-model';
import type { EventDefinitionSource } from './code-scan';

const KAFKA_BINDING = '0.5.0';

export interface AsyncApiInfo {
  version: string;
  description: string;
}

export function asyncApiDocument(model: CatalogModel, sources: ReadonlyMap<string, EventDefinitionSource>, info: AsyncApiInfo): Record<string, unknown> {
  const events = model.topics.flatMap((topic) => topic.events);
  const channels: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};

  for (const topic of model.topics) {
    channels[topic.topic] = {
      address: topic.topic,
      title: topic.topic,
      description: `Events of ${topic.topic.replace(/^pmo\.|\.v\d+$/g, '')}, keyed by aggregate id so that one aggregate's events stay in order.`,
      messages: Object.fromEntries(topic.events.map((event) => [event.type, { $ref: `#/components/messages/${event.type}` }])),
      bindings: { kafka: { topic: topic.topic, bindingVersion: KAFKA_BINDING } },
    };
    channels[topic.deadLetterTopic] = {
      address: topic.deadLetterTopic,
      title: topic.deadLetterTopic,
      description: `Messages of ${topic.topic} that a consumer could not use: unparsable, not a CloudEvent, failing their schema, or whose handler kept failing.`,
      messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
      bindings: { kafka: { topic: topic.deadLetterTopic, bindingVersion: KAFKA_BINDING } },
    };
  }

  for (const event of events) messages[event.type] = message(event, sources.get(event.type));
  messages.deadLetter = {
    name: 'deadLetter',
    title: 'Dead letter',
    summary: 'The original message, unchanged, with the reason it was not applied.',
    contentType: 'application/json',
    headers: {
      type: 'object',
      properties: {
        'pmo-dlq-code': { enum: ['PARSE', 'ENVELOPE', 'SCHEMA', 'UNKNOWN_TYPE', 'HANDLER_FAILED'] },
        'pmo-dlq-reason': { type: 'string', maxLength: 2000 },
        'pmo-dlq-topic': { type: 'string', description: 'The topic the message came from.' },
        'pmo-dlq-partition': { type: 'string' },
        'pmo-dlq-offset': { type: 'string' },
      },
      required: ['pmo-dlq-code', 'pmo-dlq-reason', 'pmo-dlq-topic', 'pmo-dlq-partition', 'pmo-dlq-offset'],
    },
    payload: { description: 'The value of the original message, as it was.' },
  };

  for (const service of model.services) {
    for (const topic of model.topics) {
      const sent = topic.events.filter((event) => event.producers.includes(service));
      const received = topic.events.filter((event) => event.consumers.some((site) => site.service === service));
      if (sent.length) operations[`${service}.send.${topic.topic}`] = operation('send', service, topic.topic, sent);
      if (received.length) {
        operations[`${service}.receive.${topic.topic}`] = {
          ...operation('receive', service, topic.topic, received),
          bindings: { kafka: { groupId: { type: 'string', enum: [service] }, bindingVersion: KAFKA_BINDING } },
        };
        operations[`${service}.send.${topic.deadLetterTopic}`] = {
          action: 'send',
          title: `${service} dead-letters what it cannot apply from ${topic.topic}`,
          channel: { $ref: `#/channels/${topic.deadLetterTopic}` },
          messages: [{ $ref: `#/channels/${topic.deadLetterTopic}/messages/deadLetter` }],
        };
      }
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'PMO governance platform events',
      version: info.version,
      description: info.description,
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:59092',
        protocol: 'kafka',
        description: 'The Kafka broker deploy/local/up starts (PMO_KAFKA_BROKERS). The embedded mode carries the same messages in process.',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

export function asyncApiYaml(document: Record<string, unknown>, header: string): string {
  // No anchors and aliases: shared sub-schemas are written out where they are used, as readers expect.
  return header + stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}

function message(event: CatalogEvent, source: EventDefinitionSource | undefined): Record<string, unknown> {
  const producer = event.producers.length === 1 ? event.producers[0] : undefined;
  return {
    name: event.type,
    title: event.type,
    ...(source?.summary ? { summary: source.summary } : {}),
    contentType: 'application/json',
    headers: {
      type: 'object',
      description: 'CloudEvents 1.0 in Kafka binary mode, and the W3C trace context.',
      properties: {
        ce_id: { type: 'string', format: 'uuid' },
        ce_source: producer ? { const: `/pmo/${producer}` } : { type: 'string', pattern: '^/pmo/' },
        ce_type: { const: event.type },
        ce_specversion: { const: '1.0' },
        ce_time: { type: 'string', format: 'date-time' },
        ce_subject: { type: 'string', description: `The payload's ${event.key}.` },
        'content-type': { const: 'application/json' },
        traceparent: { type: 'string' },
      },
      required: ['ce_id', 'ce_source', 'ce_type', 'ce_specversion'],
    },
    payload: payloadSchema(event.schema),
    bindings: { kafka: { key: { type: 'string', description: `The payload's ${event.key}.` }, bindingVersion: KAFKA_BINDING } },
  };
}

/**
 * The contract's JSON Schema as an AsyncAPI payload. It uses only keywords that draft 7 has too, so it is
 * given in AsyncAPI's default schema format, without the 2020-12 `$schema` that format does not take, and
 * without ajv's `discriminator` object (AsyncAPI's is a property name; the `oneOf` it guides says the same).
 */
function payloadSchema(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return JSON.parse(JSON.stringify(rest, (key, value: unknown) => (key === 'discriminator' && typeof value === 'object' ? undefined : value))) as JsonSchema;
}

function operation(action: 'send' | 'receive', service: string, topic: string, events: CatalogEvent[]): Record<string, unknown> {
  return {
    action,
    title: `${service} ${action === 'send' ? 'sends to' : 'receives from'} ${topic}`,
    channel: { $ref: `#/channels/${topic}` },
    messages: events.map((event) => ({ $ref: `#/channels/${topic}/messages/${event.type}` })),
  };
}
