import { messagingSettingsFromEnv } from './messaging-settings';

describe('messagingSettingsFromEnv', () => {
  it('defaults to the embedded mode', () => {
    expect(messagingSettingsFromEnv('program-pmo', {})).toEqual({
      transport: 'in-process',
      kafkaBrokers: ['127.0.0.1:59092'],
      kafkaSsl: false,
      partitions: 6,
      fromBeginning: true,
      consumerGroupSuffix: '',
    });
  });

  it('reads the Kafka settings', () => {
    expect(messagingSettingsFromEnv('program-pmo', { PMO_TRANSPORT: 'kafka', PMO_KAFKA_BROKERS: 'a:1, b:2', PMO_KAFKA_PARTITIONS: '12' })).toMatchObject({
      transport: 'kafka',
      kafkaBrokers: ['a:1', 'b:2'],
      partitions: 12,
    });
  });

  it('authenticates as the service itself unless told another user', () => {
    const env = {
      PMO_TRANSPORT: 'kafka',
      PMO_KAFKA_SASL_MECHANISM: 'scram-sha-512',
      PMO_KAFKA_SSL: 'true',
      PROGRAM_PMO_KAFKA_PASSWORD: 'p',
      PROJECT_PMO_KAFKA_USERNAME: 'projects',
      PROJECT_PMO_KAFKA_PASSWORD: 'q',
    };
    expect(messagingSettingsFromEnv('program-pmo', env)).toMatchObject({
      kafkaCredentials: { mechanism: 'scram-sha-512', username: 'program-pmo', password: 'p' },
      kafkaSsl: true,
    });
    expect(messagingSettingsFromEnv('project-pmo', env).kafkaCredentials).toEqual({ mechanism: 'scram-sha-512', username: 'projects', password: 'q' });
  });

  it('needs no Kafka password in the embedded mode', () => {
    expect(messagingSettingsFromEnv('program-pmo', { PMO_KAFKA_SASL_MECHANISM: 'scram-sha-512' }).kafkaCredentials).toBeUndefined();
  });

  it('names every bad variable at once', () => {
    expect(() => messagingSettingsFromEnv('program-pmo', { PMO_TRANSPORT: 'rabbit', PMO_KAFKA_PARTITIONS: '0' })).toThrow(
      'Invalid environment variables: PMO_TRANSPORT must be kafka or in-process, got rabbit; PMO_KAFKA_PARTITIONS must be a positive integer, got 0',
    );
    expect(() => messagingSettingsFromEnv('strategic-pmo', { PMO_TRANSPORT: 'kafka', PMO_KAFKA_SASL_MECHANISM: 'plain', PMO_KAFKA_SSL: 'yes' })).toThrow(
      'Invalid environment variables: PMO_KAFKA_SSL must be true or false, got yes; PMO_KAFKA_SASL_MECHANISM must be one of scram-sha-512, scram-sha-256, got plain; STRATEGIC_PMO_KAFKA_PASSWORD must be set when PMO_KAFKA_SASL_MECHANISM is',
    );
  });
});
