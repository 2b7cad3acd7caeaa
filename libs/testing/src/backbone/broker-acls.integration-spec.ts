import { buildEvent } from '@pmo/contracts';
import { toBinaryMessage } from '@pmo/messaging';
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { uniqueSuffix } from '../fresh-ids';
import { kafkaServiceUser, LOCAL_INFRASTRUCTURE, localKafka } from '../infrastructure';

// The broker of deploy/local authenticates every client (SASL/SCRAM) and lets each service's user write only
// the topics of the events it owns and read only those it consumes (ACLs derived from libs/contracts).

function programRegistered(source: string) {
  const programId = randomUUID();
  return toBinaryMessage(
    buildEvent({
      type: 'pmo.program.registered.v1',
      source,
      data: { programId, name: `ACL probe ${programId}`, description: '', tags: [], registeredAt: new Date().toISOString() },
    }),
  );
}

// The platform's producer settings (KafkaTransport): idempotent, acks from all in-sync replicas.
async function send(kafka: Kafka, topic: string, message: ReturnType<typeof toBinaryMessage>): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: message.key, value: message.value, headers: message.headers }] });
  } finally {
    await producer.disconnect();
  }
}

const as = (service: 'strategic-pmo' | 'program-pmo' | 'project-pmo') => {
  const user = kafkaServiceUser(service);
  if (!user) throw new Error(`no Kafka user for ${service} in the environment: source .pmo/env (written by deploy/local/up)`);
  return localKafka(`acl-${service}-${uniqueSuffix()}`, user, { retry: { retries: 2, initialRetryTime: 100 } });
};

describe('the Kafka broker of deploy/local', () => {
  beforeAll(async () => {
    // The topics exist before any service starts in real runs; here the admin makes sure of it.
    const admin = localKafka(`acl-setup-${uniqueSuffix()}`).admin();
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const wanted = ['pmo.programs.v1', 'pmo.adoptions.v1'].filter((topic) => !existing.has(topic));
    if (wanted.length) await admin.createTopics({ waitForLeaders: true, topics: wanted.map((topic) => ({ topic, numPartitions: 6 })) }).catch(() => undefined);
    await admin.disconnect();
  });

  it('refuses project-pmo writing a topic that only program-pmo owns events on', async () => {
    await expect(send(as('project-pmo'), 'pmo.programs.v1', programRegistered('/pmo/project-pmo'))).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
  });

  it('lets program-pmo write the topic of the events it owns', async () => {
    await expect(send(as('program-pmo'), 'pmo.programs.v1', programRegistered('/pmo/program-pmo'))).resolves.toBeUndefined();
  });

  it('refuses project-pmo reading a topic it consumes nothing from', async () => {
    const consumer = as('project-pmo').consumer({ groupId: `project-pmo-acl-${uniqueSuffix()}` });
    await consumer.connect();
    try {
      await expect(consumer.subscribe({ topics: ['pmo.adoptions.v1'], fromBeginning: true })).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
    } finally {
      await consumer.disconnect();
    }
  });

  // The broker answers GROUP_AUTHORIZATION_FAILED to the coordinator lookup; kafkajs reports it as no coordinator.
  it('refuses project-pmo a consumer group named after another service', async () => {
    const admin = as('project-pmo').admin();
    await admin.connect();
    try {
      await expect(admin.fetchOffsets({ groupId: `program-pmo-acl-${uniqueSuffix()}`, topics: ['pmo.programs.v1'] })).rejects.toThrow(
        'Failed to find group coordinator',
      );
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses a client with a wrong password', async () => {
    const user = kafkaServiceUser('program-pmo');
    const impostor = localKafka(`acl-impostor-${uniqueSuffix()}`, user && { ...user, password: `${user.password}x` }, { retry: { retries: 0 } });
    const producer = impostor.producer();
    await expect(producer.connect()).rejects.toThrow(/authentication failed/);
  });

  it('refuses a client that does not authenticate', async () => {
    const anonymous = localKafka(`acl-anonymous-${uniqueSuffix()}`, null, { retry: { retries: 0 }, connectionTimeout: 2000, requestTimeout: 3000 });
    const admin = anonymous.admin();
    await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow();
    await admin.disconnect();
    expect(LOCAL_INFRASTRUCTURE.kafkaAdmin).toBeDefined();
  });
});
