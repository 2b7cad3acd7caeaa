import { buildEvent } from '@pmo/contracts';
import { fromBinaryMessage, toBinaryMessage, toDeadLetter, UndecodableMessageError } from './binary-mode';
import type { ReceivedMessage } from './transport';

const event = buildEvent({
  type: 'pmo.project.registered.v1',
  source: '/pmo/project-pmo',
  data: {
    projectId: '0b9e7c1e-5a8f-4f57-8a43-1d3c2b6e9f10',
    programId: '3f0c8e2a-7d1b-4c55-9a51-0c9f3f5b7e21',
    name: 'General Ledger Cut-over',
    phase: 'planning',
    tags: [],
    registeredAt: '2026-11-24T10:00:00.000Z',
  },
});

function received(message = toBinaryMessage(event)): ReceivedMessage {
  return { ...message, partition: 0, offset: '0' };
}

describe('Kafka binary mode', () => {
  it('carries the envelope in ce_* headers and content-type, keyed by the aggregate id', () => {
    const message = toBinaryMessage(event);
    expect(message.topic).toBe('pmo.projects.v1');
    expect(message.key).toBe(event.data.projectId);
    expect(message.headers).toMatchObject({
      ce_id: event.id,
      ce_type: event.type,
      ce_source: '/pmo/project-pmo',
      ce_specversion: '1.0',
      ce_subject: event.subject,
      'content-type': 'application/json',
    });
    expect(JSON.parse(message.value)).toEqual(event.data);
  });

  it('decodes what it encodes', () => {
    expect(fromBinaryMessage(received())).toEqual(event);
  });

  it('calls a value that is not JSON a parse error', () => {
    expect(() => fromBinaryMessage(received({ ...toBinaryMessage(event), value: '{oops' }))).toThrow(UndecodableMessageError);
  });

  it('calls a message without ce_id an envelope error', () => {
    const message = toBinaryMessage(event);
    delete message.headers.ce_id;
    try {
      fromBinaryMessage(received(message));
      throw new Error('expected a failure');
    } catch (error) {
      expect((error as UndecodableMessageError).code).toBe('ENVELOPE');
    }
  });

  it('sends a dead letter to the topic’s .dlq with the reason and where the message came from', () => {
    const letter = toDeadLetter({ ...received(), partition: 3, offset: '42' }, 'SCHEMA', '/name must be string');
    expect(letter.topic).toBe('pmo.projects.v1.dlq');
    expect(letter.headers).toMatchObject({
      'pmo-dlq-code': 'SCHEMA',
      'pmo-dlq-reason': '/name must be string',
      'pmo-dlq-topic': 'pmo.projects.v1',
      'pmo-dlq-partition': '3',
      'pmo-dlq-offset': '42',
    });
  });
});
