import { buildEvent, deadLetterTopicOf, PLATFORM_TOPICS, type PmoEvent, type ProgramRegisteredV1 } from '@pmo/contracts';
import { isTransientDatabaseError, openServiceDataSource } from '@pmo/persistence';
import { eventually } from '../eventually';
import { uniqueSuffix } from '../fresh-ids';
import { LOCAL_INFRASTRUCTURE, localDatabase, localKafka } from '../infrastructure';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import {
  addToOutbox,
  CreateOutboxAndInbox1764000000000,
  EventConsumer,
  InProcessTransport,
  KafkaTransport,
  OutboxRelay,
  toBinaryMessage,
  type EventTransport,
  type MessagingLogger,
  type ReceivedMessage,
  type SubscriptionHandle,
  type TransportMessage,
} from '@pmo/messaging';

// The contract every transport must keep. The same cases run on Kafka and on the in-process transport,
// against a real PostgreSQL: the outbox, inbox and read model below are real tables.

class CreateProbeReadModel1764000009999 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE probe_effects (seq bigserial PRIMARY KEY, program_id uuid NOT NULL, name text NOT NULL)`);
    await queryRunner.query(`CREATE TABLE probe_batches (events int NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE probe_batches`);
    await queryRunner.query(`DROP TABLE probe_effects`);
  }
}

// Serialization failures still to raise, per program: PostgreSQL's own transient error (SQLSTATE 40001).
const serializationFailures = new Map<string, number>();

async function applyProbe(events: readonly PmoEvent[], manager: EntityManager): Promise<void> {
  const programs = events.map((event) => event.data as ProgramRegisteredV1);
  if (programs.some((program) => program.name === 'always-fails')) throw new Error('the probe handler refuses this event');
  const conflicted = programs.find((program) => (serializationFailures.get(program.programId) ?? 0) > 0);
  if (conflicted) {
    serializationFailures.set(conflicted.programId, (serializationFailures.get(conflicted.programId) ?? 0) - 1);
    await manager.query(`DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001'; END $$`);
  }
  await manager.query(`INSERT INTO probe_effects (program_id, name) SELECT * FROM unnest($1::uuid[], $2::text[])`, [
    programs.map((p) => p.programId),
    programs.map((p) => p.name),
  ]);
  await manager.query(`INSERT INTO probe_batches (events) VALUES ($1)`, [events.length]);
}

const silent: MessagingLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const programTopic = 'pmo.programs.v1';
// The probe speaks for program-pmo, the owner of pmo.program.registered.v1: the only source consumers accept.
const PROGRAM_PMO = '/pmo/program-pmo';

function programEvent(programId: string, name: string, source = PROGRAM_PMO): PmoEvent<'pmo.program.registered.v1'> {
  return buildEvent({
    type: 'pmo.program.registered.v1',
    source,
    data: { programId, name, description: '', tags: [], registeredAt: new Date().toISOString() },
  });
}

interface TransportUnderTest {
  create(suffix: string): EventTransport;
  deadLetters(transport: EventTransport, key: string): Promise<ReceivedMessage[]>;
}

const transports: [string, TransportUnderTest][] = [
  [
    'in-process',
    {
      create: () => new InProcessTransport(6),
      deadLetters: async (transport, key) => (transport as InProcessTransport).messagesOf(deadLetterTopicOf(programTopic)).filter((m) => m.key === key),
    },
  ],
  [
    'kafka',
    {
      // As the admin: the suite writes the probe's topic and reads it under groups of its own.
      create: (suffix) =>
        new KafkaTransport({
          brokers: [...LOCAL_INFRASTRUCTURE.kafkaBrokers],
          clientId: `contract-${suffix}`,
          credentials: LOCAL_INFRASTRUCTURE.kafkaAdmin,
          partitions: 6,
          logger: silent,
        }),
      deadLetters: (_transport, key) => readTopicFromOutside(deadLetterTopicOf(programTopic), key),
    },
  ],
];

describe.each(transports)('event backbone on the %s transport', (_name, underTest) => {
  const suffix = uniqueSuffix();
  let dataSource: DataSource;
  let transport: EventTransport;
  let relay: OutboxRelay;
  let subscription: SubscriptionHandle;

  const effectsOf = async (programId: string): Promise<string[]> =>
    ((await dataSource.query(`SELECT name FROM probe_effects WHERE program_id = $1 ORDER BY seq`, [programId])) as { name: string }[]).map((r) => r.name);

  beforeAll(async () => {
    dataSource = await openServiceDataSource(localDatabase(`contract_${suffix}`), [], [CreateOutboxAndInbox1764000000000, CreateProbeReadModel1764000009999]);
    transport = underTest.create(suffix);
    await transport.ensureTopics(PLATFORM_TOPICS);
    relay = new OutboxRelay({ dataSource, transport, logger: silent, pollIntervalMs: 500 });
    await relay.start();
    const consumer = new EventConsumer({
      dataSource,
      transport,
      consumerGroup: `contract-${suffix}`,
      logger: silent,
      maxAttempts: 2,
      isTransient: isTransientDatabaseError,
      // The probe takes batches (as an @EventBatchPattern handler does) and notes their sizes.
      handlers: new Map([
        ['pmo.program.registered.v1', Object.assign((event: PmoEvent, manager: EntityManager) => applyProbe([event], manager), { applyAll: applyProbe })],
      ]),
    });
    subscription = await transport.subscribe({ groupId: `contract-${suffix}`, topics: [programTopic], fromBeginning: true, handle: consumer.handle });
  });

  afterAll(async () => {
    await subscription?.close();
    await relay?.stop();
    await transport?.close();
    await dataSource?.destroy();
  });

  it('delivers an event written to the outbox to the consumer', async () => {
    const programId = randomUUID();
    await dataSource.transaction((manager) =>
      addToOutbox(manager, PROGRAM_PMO, 'pmo.program.registered.v1', {
        programId,
        name: 'delivered',
        description: '',
        tags: [],
        registeredAt: new Date().toISOString(),
      }),
    );
    await eventually(async () => expect(await effectsOf(programId)).toEqual(['delivered']));
    const [{ unsent }] = (await dataSource.query(`SELECT count(*)::int AS unsent FROM outbox WHERE sent_at IS NULL`)) as [{ unsent: number }];
    expect(unsent).toBe(0);
  });

  it('leaves neither the state change nor the event when the transaction fails after the change', async () => {
    const programId = randomUUID();
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO probe_effects (program_id, name) VALUES ($1, 'state change')`, [programId]);
        await addToOutbox(manager, PROGRAM_PMO, 'pmo.program.registered.v1', {
          programId,
          name: 'never published',
          description: '',
          tags: [],
          registeredAt: new Date().toISOString(),
        });
        throw new Error('failure after the state change');
      }),
    ).rejects.toThrow('failure after the state change');
    const outboxRows = (await dataSource.query(`SELECT 1 FROM outbox WHERE message_key = $1`, [programId])) as unknown[];
    expect(outboxRows).toHaveLength(0);
    // A later event on the same key is delivered; had the first been published, it would precede it.
    await dataSource.transaction((manager) =>
      addToOutbox(manager, PROGRAM_PMO, 'pmo.program.registered.v1', {
        programId,
        name: 'marker',
        description: '',
        tags: [],
        registeredAt: new Date().toISOString(),
      }),
    );
    await eventually(async () => expect(await effectsOf(programId)).toEqual(['marker']));
  });

  it('applies an event delivered twice only once', async () => {
    const programId = randomUUID();
    const duplicate = toBinaryMessage(programEvent(programId, 'once'));
    // Redelivery after a crash between the effect and the offset commit looks exactly like this.
    await transport.publish([duplicate, duplicate]);
    await transport.publish([toBinaryMessage(programEvent(programId, 'marker'))]);
    await eventually(async () => expect(await effectsOf(programId)).toEqual(['once', 'marker']));
    const inbox = (await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [duplicate.headers.ce_id])) as [{ n: number }];
    expect(inbox[0].n).toBe(1);
  });

  it('dead-letters a non-JSON and a schema-invalid message with their reasons and goes on', async () => {
    const programId = randomUUID();
    const good = toBinaryMessage(programEvent(programId, 'after the poison'));
    const notJson: TransportMessage = { ...good, headers: { ...good.headers, ce_id: randomUUID() }, value: 'this is {not json' };
    const invalid: TransportMessage = { ...good, headers: { ...good.headers, ce_id: randomUUID() }, value: JSON.stringify({ programId, name: '' }) };
    await transport.publish([notJson, invalid, good]);
    await eventually(async () => expect(await effectsOf(programId)).toEqual(['after the poison']));
    const deadLetters = await eventually(async () => {
      const found = await underTest.deadLetters(transport, programId);
      expect(found).toHaveLength(2);
      return found;
    });
    const byId = new Map(deadLetters.map((m) => [m.headers.ce_id, m.headers]));
    expect(byId.get(notJson.headers.ce_id)?.['pmo-dlq-code']).toBe('PARSE');
    expect(byId.get(notJson.headers.ce_id)?.['pmo-dlq-reason']).toMatch(/JSON/);
    expect(byId.get(invalid.headers.ce_id)?.['pmo-dlq-code']).toBe('SCHEMA');
    expect(byId.get(invalid.headers.ce_id)?.['pmo-dlq-reason']).toMatch(/must have required property 'description'/);
  });

  it('dead-letters an event from a service that does not own its type, naming both sources, and goes on', async () => {
    // What a service that may write the topic could send to rename a program in the services that follow it.
    const programId = randomUUID();
    const forged = toBinaryMessage(programEvent(programId, 'renamed by project-pmo', '/pmo/project-pmo'));
    await transport.publish([forged, toBinaryMessage(programEvent(programId, 'from the owner'))]);
    await eventually(async () => expect(await effectsOf(programId)).toEqual(['from the owner']));
    const [letter] = await eventually(async () => {
      const found = await underTest.deadLetters(transport, programId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(letter.headers).toMatchObject({
      ce_id: forged.headers.ce_id,
      ce_source: '/pmo/project-pmo',
      'pmo-dlq-code': 'FORBIDDEN_SOURCE',
      'pmo-dlq-reason': 'pmo.program.registered.v1 is accepted only from its owner: expected source /pmo/program-pmo, got /pmo/project-pmo',
      'pmo-dlq-topic': programTopic,
    });
    const inbox = (await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [forged.headers.ce_id])) as [{ n: number }];
    expect(inbox[0].n).toBe(0);
  });

  it('dead-letters an event whose handler keeps failing and goes on', async () => {
    const programId = randomUUID();
    await transport.publish([toBinaryMessage(programEvent(programId, 'always-fails')), toBinaryMessage(programEvent(programId, 'next'))]);
    await eventually(async () => expect(await effectsOf(programId)).toEqual(['next']));
    const [letter] = await eventually(async () => {
      const found = await underTest.deadLetters(transport, programId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(letter.headers['pmo-dlq-code']).toBe('HANDLER_FAILED');
  });

  it('retries an event the database could not take yet without counting, and never dead-letters it', async () => {
    // Four serialization failures in a row: twice the attempts after which a failing handler is dead-lettered.
    const programId = randomUUID();
    serializationFailures.set(programId, 4);
    await transport.publish([toBinaryMessage(programEvent(programId, 'after a conflict')), toBinaryMessage(programEvent(programId, 'next'))]);
    await eventually(async () => expect(await effectsOf(programId)).toEqual(['after a conflict', 'next']));
    expect(serializationFailures.get(programId)).toBe(0);
    expect(await underTest.deadLetters(transport, programId)).toEqual([]);
  });

  it('applies every other event of a burst over all partitions exactly once when one of them keeps failing', async () => {
    // Runs of several partitions are applied in one transaction; the failing event must not take the others down.
    const programIds = Array.from({ length: 60 }, () => randomUUID());
    const failing = programIds[37];
    await transport.publish(programIds.map((programId) => toBinaryMessage(programEvent(programId, programId === failing ? 'always-fails' : 'burst'))));
    const applied = async () =>
      (await dataSource.query(`SELECT program_id, count(*)::int AS effects FROM probe_effects WHERE program_id = ANY($1::uuid[]) GROUP BY program_id`, [
        programIds,
      ])) as {
        program_id: string;
        effects: number;
      }[];
    await eventually(async () => expect(await applied()).toHaveLength(59));
    await eventually(async () => expect(await underTest.deadLetters(transport, failing)).toHaveLength(1));
    const effects = await applied();
    expect(effects.every((row) => row.effects === 1 && row.program_id !== failing)).toBe(true);
  });

  it('applies 1,000 events of one aggregate in the order they were written', async () => {
    const programId = randomUUID();
    const names = Array.from({ length: 1000 }, (_, i) => `step-${i}`);
    for (let start = 0; start < names.length; start += 100) {
      await dataSource.transaction(async (manager) => {
        for (const name of names.slice(start, start + 100)) {
          await addToOutbox(manager, PROGRAM_PMO, 'pmo.program.registered.v1', {
            programId,
            name,
            description: '',
            tags: [],
            registeredAt: new Date().toISOString(),
          });
        }
      });
    }
    await eventually(async () => expect(await effectsOf(programId)).toHaveLength(1000), 60_000, 250);
    expect(await effectsOf(programId)).toEqual(names);
  });

  it('hands events that arrive together to a batch handler in one call, each once and in order', async () => {
    const programId = randomUUID();
    const names = Array.from({ length: 300 }, (_, i) => `batched-${i}`);
    const [{ before }] = (await dataSource.query(`SELECT count(*)::int AS before FROM probe_batches`)) as [{ before: number }];
    await transport.publish(names.map((name) => toBinaryMessage(programEvent(programId, name))));
    await eventually(async () => expect(await effectsOf(programId)).toHaveLength(300), 30_000, 100);
    expect(await effectsOf(programId)).toEqual(names);
    const [{ calls, largest }] = (await dataSource.query(
      `SELECT count(*)::int AS calls, max(events)::int AS largest FROM (SELECT events FROM probe_batches OFFSET $1) b`,
      [before],
    )) as [{ calls: number; largest: number }];
    expect(calls).toBeLessThan(300);
    expect(largest).toBeGreaterThan(1);
  });
});

// Reads a Kafka topic the way an outside system would: a plain kafkajs consumer from the beginning.
async function readTopicFromOutside(topic: string, key: string): Promise<ReceivedMessage[]> {
  const kafka = localKafka(`outside-reader-${uniqueSuffix()}`);
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const wanted = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  const consumer = kafka.consumer({ groupId: `outside-reader-${uniqueSuffix()}` });
  const found: ReceivedMessage[] = [];
  let seen = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    if (wanted === 0) return resolve();
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        seen += 1;
        if (message.key?.toString() === key) {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(message.headers ?? {})) if (value !== undefined) headers[name] = value.toString();
          found.push({ topic, partition, offset: message.offset, key, value: message.value?.toString() ?? '', headers });
        }
        if (seen >= wanted) resolve();
      },
    });
  });
  await consumer.disconnect();
  return found;
}
