import { migrateService, serviceRuntimeFromEnv, type ServiceRuntime } from '@pmo/http';
import { DEFAULT_PORT, SERVICE_NAME } from '../bootstrap';
import { projectPmoSchema } from '../schema';

/** The only place project-pmo reads the environment. */
export function projectPmoRuntime(env: NodeJS.ProcessEnv = process.env): ServiceRuntime {
  return serviceRuntimeFromEnv(SERVICE_NAME, DEFAULT_PORT, env);
}

/** `main.js migrate`: project-pmo's migrations as the owner (PMO_DB_USER), then the grants of PMO_DB_APP_ROLE. */
export function migrateProjectPmo(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return migrateService(SERVICE_NAME, projectPmoSchema, env);
}
