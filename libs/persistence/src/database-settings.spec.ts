import { databaseSettingsFromEnv } from './database-settings';

describe('databaseSettingsFromEnv', () => {
  it('gives each service its own database on the shared server', () => {
    expect(databaseSettingsFromEnv('program-pmo', {})).toEqual({
      host: '127.0.0.1',
      port: 55432,
      user: 'postgres',
      password: 'postgres',
      database: 'program_pmo',
      poolSize: 10,
      acquireTimeoutMs: 5000,
      statementTimeoutMs: 30000,
      idleInTransactionTimeoutMs: 60000,
    });
    expect(databaseSettingsFromEnv('strategic-pmo', { STRATEGIC_PMO_DB_NAME: 'portfolio' }).database).toBe('portfolio');
  });

  it('takes the pool guards from the environment, 0 turning one off', () => {
    expect(
      databaseSettingsFromEnv('program-pmo', {
        PMO_DB_ACQUIRE_TIMEOUT_MS: '250',
        PMO_DB_STATEMENT_TIMEOUT_MS: '0',
        PMO_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1000',
      }),
    ).toMatchObject({ acquireTimeoutMs: 250, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 1000 });
  });

  it('names every bad variable', () => {
    expect(() => databaseSettingsFromEnv('program-pmo', { PMO_DB_PORT: 'x', PMO_DB_POOL_SIZE: '0' })).toThrow(
      'Invalid environment variables: PMO_DB_PORT must be a port number, got x; PMO_DB_POOL_SIZE must be a positive integer, got 0',
    );
    expect(() => databaseSettingsFromEnv('program-pmo', { PMO_DB_ACQUIRE_TIMEOUT_MS: '-1', PMO_DB_STATEMENT_TIMEOUT_MS: '5s' })).toThrow(
      'Invalid environment variables: PMO_DB_ACQUIRE_TIMEOUT_MS must be a whole number of milliseconds (0 for none), got -1; PMO_DB_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds (0 for none), got 5s',
    );
  });
});
