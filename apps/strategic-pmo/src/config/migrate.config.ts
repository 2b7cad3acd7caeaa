import { migrateService } from '@pmo/persistence';
import { createLogger } from '@pmo/telemetry';
import { strategicPmoSchema } from '../schema';

/**
 * `main.js migrate`: strategic-pmo's migrations as the owner (PMO_DB_USER), then the grants of PMO_DB_APP_ROLE.
 * Imports the schema only, not the application, so the step starts fast.
 */
export function migrateStrategicPmo(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return migrateService('strategic-pmo', strategicPmoSchema.migrations, env, createLogger('strategic-pmo', env.PMO_LOG_LEVEL ?? 'info'));
}
