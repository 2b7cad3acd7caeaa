import { migrateService } from '@pmo/persistence';
import { createLogger } from '@pmo/telemetry';
import { programPmoSchema } from '../schema';

/**
 * `main.js migrate`: program-pmo's migrations as the owner (PMO_DB_USER), then the grants of PMO_DB_APP_ROLE.
 * Imports the schema only, not the application, so the step starts fast.
 */
export function migrateProgramPmo(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return migrateService('program-pmo', programPmoSchema.migrations, env, createLogger('program-pmo', env.PMO_LOG_LEVEL ?? 'info'));
}
