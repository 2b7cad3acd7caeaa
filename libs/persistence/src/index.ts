// Data source per service, migrations applied at start, and the audit log written in the caller's transaction.
export { createServiceDataSource, openServiceDataSource, type DatabaseSettings } from './service-data-source';
export { ensureDatabaseExists } from './ensure-database';
export { databaseSettingsFromEnv } from './database-settings';
export { AuditLog, type AuditEntryInput, type Actor } from './audit-log';
export { CreateAuditLog1764000000100 } from './migrations/1764000000100-CreateAuditLog';
