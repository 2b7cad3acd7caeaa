import { migrationSettingsFromEnv } from './migration-settings';
import { serviceCommandOf } from './service-command';

describe('migrationSettingsFromEnv', () => {
  it('migrates at start without an app role unless told otherwise (the embedded mode and the tests)', () => {
    expect(migrationSettingsFromEnv({})).toEqual({ migrateOnStart: true });
  });

  it('takes the app role and serving without migrating', () => {
    expect(migrationSettingsFromEnv({ PMO_DB_MIGRATE_ON_START: 'false', PMO_DB_APP_ROLE: 'program_pmo_app' })).toEqual({
      migrateOnStart: false,
      appRole: 'program_pmo_app',
    });
  });

  it('names every bad variable', () => {
    // A role name is quoted into GRANT statements: anything but a plain identifier is refused.
    expect(() => migrationSettingsFromEnv({ PMO_DB_MIGRATE_ON_START: 'no', PMO_DB_APP_ROLE: 'app"; DROP ROLE x; --' })).toThrow(
      'Invalid environment variables: PMO_DB_MIGRATE_ON_START must be true or false, got no; PMO_DB_APP_ROLE must be a role name (letters, digits, _ and -, at most 63), got app"; DROP ROLE x; --',
    );
  });
});

describe('serviceCommandOf', () => {
  it.each([
    [[], 'serve'],
    [['migrate'], 'migrate'],
  ])('reads %j as %s', (args, command) => {
    expect(serviceCommandOf(args)).toBe(command);
  });

  it.each([[['migrat']], [['migrate', 'now']]])('refuses %j, saying what it takes', (args) => {
    expect(() => serviceCommandOf(args)).toThrow('run without arguments to serve, or with "migrate" to apply the migrations and grants');
  });
});
