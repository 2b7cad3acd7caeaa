const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256'] as const;

type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** How a service proves who it is to a broker that requires authentication (SASL); the password is a secret, never logged. */
export type KafkaCredentials = { [M in KafkaSaslMechanism]: { mechanism: M; username: string; password: string } }[KafkaSaslMechanism];

export interface MessagingSettings {
  transport: 'kafka' | 'in-process';
  kafkaBrokers: string[];
  /** Absent: the broker takes unauthenticated clients. */
  kafkaCredentials?: KafkaCredentials;
  /** TLS to the brokers (SASL_SSL instead of SASL_PLAINTEXT). */
  kafkaSsl: boolean;
  partitions: number;
  /** Where a consumer group with no committed offset starts. */
  fromBeginning: boolean;
  /** Appended to each service's consumer group, so parallel test runs on one broker do not share offsets. */
  consumerGroupSuffix: string;
}

/**
 * Reads one service's messaging settings: `PMO_*` shared, the Kafka user its own (`<SERVICE>_KAFKA_USERNAME`,
 * default the service name, and `<SERVICE>_KAFKA_PASSWORD`), because the broker's ACLs are per service.
 * Throws naming every bad variable.
 */
export function messagingSettingsFromEnv(service: string, env: NodeJS.ProcessEnv): MessagingSettings {
  const prefix = service.toUpperCase().replace(/-/g, '_');
  const problems: string[] = [];
  const transport = env.PMO_TRANSPORT ?? 'in-process';
  if (transport !== 'kafka' && transport !== 'in-process') problems.push(`PMO_TRANSPORT must be kafka or in-process, got ${transport}`);
  const partitions = Number(env.PMO_KAFKA_PARTITIONS ?? 6);
  if (!Number.isInteger(partitions) || partitions < 1) problems.push(`PMO_KAFKA_PARTITIONS must be a positive integer, got ${env.PMO_KAFKA_PARTITIONS}`);
  const brokers = (env.PMO_KAFKA_BROKERS ?? '127.0.0.1:59092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) problems.push('PMO_KAFKA_BROKERS must list at least one host:port');
  const ssl = env.PMO_KAFKA_SSL ?? 'false';
  if (ssl !== 'true' && ssl !== 'false') problems.push(`PMO_KAFKA_SSL must be true or false, got ${ssl}`);
  const mechanism = env.PMO_KAFKA_SASL_MECHANISM;
  const username = env[`${prefix}_KAFKA_USERNAME`] ?? service;
  const password = env[`${prefix}_KAFKA_PASSWORD`];
  if (mechanism !== undefined && !(KAFKA_SASL_MECHANISMS as readonly string[]).includes(mechanism)) {
    problems.push(`PMO_KAFKA_SASL_MECHANISM must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}, got ${mechanism}`);
  }
  if (transport === 'kafka' && mechanism !== undefined && !password) problems.push(`${prefix}_KAFKA_PASSWORD must be set when PMO_KAFKA_SASL_MECHANISM is`);
  const fromBeginning = (env.PMO_CONSUMER_FROM_BEGINNING ?? 'true') !== 'false';
  if (problems.length) throw new Error(`Invalid environment variables: ${problems.join('; ')}`);
  return {
    transport: transport as MessagingSettings['transport'],
    kafkaBrokers: brokers,
    ...(transport === 'kafka' && mechanism && password ? { kafkaCredentials: { mechanism: mechanism as KafkaSaslMechanism, username, password } } : {}),
    kafkaSsl: ssl === 'true',
    partitions,
    fromBeginning,
    consumerGroupSuffix: env.PMO_CONSUMER_GROUP_SUFFIX ?? '',
  };
}
