import { messagingSettingsFromEnv } from './messaging-settings';

describe('messagingSettingsFromEnv', () => {
  it('defaults to the embedded mode', () => {
    expect(messagingSettingsFromEnv({})).toEqual({ transport: 'in-process', kafkaBrokers: ['127.0.0.1:59092'], partitions: 6, fromBeginning: true, consumerGroupSuffix: '' });
  });

  it('reads the Kafka settings', () => {
    expect(messagingSettingsFromEnv({ PMO_TRANSPORT: 'kafka', PMO_KAFKA_BROKERS: 'a:1, b:2', PMO_KAFKA_PARTITIONS: '12' })).toMatchObject({ transport: 'kafka', kafkaBrokers: ['a:1', 'b:2'], partitions: 12 });
  });

  it('names every bad variable at once', () => {
    expect(() => messagingSettingsFromEnv({ PMO_TRANSPORT: 'rabbit', PMO_KAFKA_PARTITIONS: '0' })).toThrow(
      'Invalid environment variables: PMO_TRANSPORT must be kafka or in-process, got rabbit; PMO_KAFKA_PARTITIONS must be a positive integer, got 0',
    );
  });
});
