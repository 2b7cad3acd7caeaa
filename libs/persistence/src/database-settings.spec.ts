import { databaseSettingsFromEnv } from './database-settings';

describe('databaseSettingsFromEnv', () => {
  it('gives each service its own database on the shared server', () => {
    expect(databaseSettingsFromEnv('program-pmo', {})).toEqual({ host: '127.0.0.1', port: 55432, user: 'postgres', password: 'postgres', database: 'program_pmo', poolSize: 10 });
    expect(databaseSettingsFromEnv('strategic-pmo', { STRATEGIC_PMO_DB_NAME: 'portfolio' }).database).toBe('portfolio');
  });

  it('names every bad variable', () => {
    expect(() => databaseSettingsFromEnv('program-pmo', { PMO_DB_PORT: 'x', PMO_DB_POOL_SIZE: '0' })).toThrow('Invalid environment variables: PMO_DB_PORT must be a port number, got x; PMO_DB_POOL_SIZE must be a positive integer, got 0');
  });
});
