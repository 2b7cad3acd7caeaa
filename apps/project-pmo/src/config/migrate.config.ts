import { migrateService } from '@pmo/persistence';
import { createLogger } from '@pmo/telemetry';
import { projectPmoSchema } from '../schema';

/**
 * `main.js migrate`: project-pmo's migrations as the owner (PMO_DB_USER), then the grants of PMO_DB_APP_ROLE.
 * Imports the schema only, not the application, so the step starts fast.
 */
export function migrateProjectPmo(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return migrateService('project-pmo', projectPmoSchema.migrations, env, createLogger('project-pmo', env.PMO_LOG_LEVEL ?? 'info'));
}
