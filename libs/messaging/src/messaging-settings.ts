export interface MessagingSettings {
  transport: 'kafka' | 'in-process';
  kafkaBrokers: string[];
  partitions: number;
  /** Where a consumer group with no committed offset starts. */
  fromBeginning: boolean;
  /** Appended to each service's consumer group, so parallel test runs on one broker do not share offsets. */
  consumerGroupSuffix: string;
}

/** Reads messaging settings; throws naming every bad variable. */
export function messagingSettingsFromEnv(env: NodeJS.ProcessEnv): MessagingSettings {
  const problems: string[] = [];
  const transport = env.PMO_TRANSPORT ?? 'in-process';
  if (transport !== 'kafka' && transport !== 'in-process') problems.push(`PMO_TRANSPORT must be kafka or in-process, got ${transport}`);
  const partitions = Number(env.PMO_KAFKA_PARTITIONS ?? 6);
  if (!Number.isInteger(partitions) || partitions < 1) problems.push(`PMO_KAFKA_PARTITIONS must be a positive integer, got ${env.PMO_KAFKA_PARTITIONS}`);
  const brokers = (env.PMO_KAFKA_BROKERS ?? '127.0.0.1:59092').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) problems.push('PMO_KAFKA_BROKERS must list at least one host:port');
  const fromBeginning = (env.PMO_CONSUMER_FROM_BEGINNING ?? 'true') !== 'false';
  if (problems.length) throw new Error(`Invalid environment variables: ${problems.join('; ')}`);
  return { transport: transport as MessagingSettings['transport'], kafkaBrokers: brokers, partitions, fromBeginning, consumerGroupSuffix: env.PMO_CONSUMER_GROUP_SUFFIX ?? '' };
}
