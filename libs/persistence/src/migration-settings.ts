/** How a service's schema is brought up to date: at its start (embedded mode, tests) or by a separate `migrate` step. */
export interface MigrationSettings {
  /**
   * Applies pending migrations when the service starts (connected as the owner). False when a separate
   * `migrate` step runs them as the owner and the service connects as its least-privilege role.
   */
  migrateOnStart: boolean;
  /** The role `migrate` grants the service's rights to (its least-privilege login); absent: no grants. */
  appRole?: string;
}

// A PostgreSQL identifier we quote ourselves: role names cannot be bound as parameters.
const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/;

/** Reads `PMO_DB_MIGRATE_ON_START` (default true) and `PMO_DB_APP_ROLE`; throws naming every bad variable. */
export function migrationSettingsFromEnv(env: NodeJS.ProcessEnv): MigrationSettings {
  const problems: string[] = [];
  const onStart = env.PMO_DB_MIGRATE_ON_START ?? 'true';
  if (onStart !== 'true' && onStart !== 'false') problems.push(`PMO_DB_MIGRATE_ON_START must be true or false, got ${onStart}`);
  const appRole = env.PMO_DB_APP_ROLE || undefined;
  if (appRole !== undefined && !ROLE_NAME.test(appRole)) {
    problems.push(`PMO_DB_APP_ROLE must be a role name (letters, digits, _ and -, at most 63), got ${appRole}`);
  }
  if (problems.length) throw new Error(`Invalid environment variables: ${problems.join('; ')}`);
  return { migrateOnStart: onStart === 'true', ...(appRole ? { appRole } : {}) };
}

/** A role name checked by migrationSettingsFromEnv, quoted for SQL. */
export function quoteRole(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error(`invalid role name ${role}`);
  return `"${role}"`;
}
