import { relaySettingsFromEnv } from './relay-settings';

describe('relaySettingsFromEnv', () => {
  it('defaults to batches of 500 and a 5 ms linger', () => {
    expect(relaySettingsFromEnv({})).toEqual({ batchSize: 500, lingerMs: 5 });
  });

  it('reads both, a linger of 0 included', () => {
    expect(relaySettingsFromEnv({ PMO_RELAY_BATCH_SIZE: '100', PMO_RELAY_LINGER_MS: '0' })).toEqual({ batchSize: 100, lingerMs: 0 });
  });

  it('names every bad variable at once', () => {
    expect(() => relaySettingsFromEnv({ PMO_RELAY_BATCH_SIZE: '0', PMO_RELAY_LINGER_MS: '2.5' })).toThrow(
      'Invalid environment variables: PMO_RELAY_BATCH_SIZE must be a positive integer, got 0; PMO_RELAY_LINGER_MS must be a whole number of milliseconds, got 2.5',
    );
  });
});
