// Data source per service, migrations (at start or as a separate step that grants the service's least-privilege role), and the audit log (append-only, hash-chained after commit by a sealer) written in the caller's transaction.
export { createServiceDataSource, openServiceDataSource, migrateServiceDatabase, type DatabaseSettings } from './service-data-source';
export { migrationSettingsFromEnv, type MigrationSettings } from './migration-settings';
export { serviceCommandOf, migrateService } from './service-command';
export { ensureDatabaseExists } from './ensure-database';
export { databaseSettingsFromEnv } from './database-settings';
export { isDatabaseUnreachable, isTransientDatabaseError } from './transient-errors';
export { AuditLog, systemActor, type PendingAuditEntry, type AuditEntryInput, type Actor } from './audit-log';
export { runWithAuditContext } from './audit-context';
export { auditCanonicalText, type AuditRowText } from './audit-chain';
export { verifyAuditChain } from './audit-verify';
export { AuditSealer, sealAuditLog, dataSourceTransaction, type AuditTransaction } from './audit-sealer';
export { CreateAuditLog1764000000100 } from './migrations/1764000000100-CreateAuditLog';
export { ChainAuditLog1764000000110 } from './migrations/1764000000110-ChainAuditLog';
export { SealAuditLogAfterCommit1764000000120 } from './migrations/1764000000120-SealAuditLogAfterCommit';
export { AuditDomainTime1764000001100 } from './migrations/1764000001100-AuditDomainTime';
export { findAuditEntries, type AuditEntry } from './audit-entries';
