import { migrateService, serviceRuntimeFromEnv, type ServiceRuntime } from '@pmo/http';
import { DEFAULT_PORT, SERVICE_NAME } from '../bootstrap';
import { programPmoSchema } from '../schema';

/** The only place program-pmo reads the environment. */
export function programPmoRuntime(env: NodeJS.ProcessEnv = process.env): ServiceRuntime {
  return serviceRuntimeFromEnv(SERVICE_NAME, DEFAULT_PORT, env);
}

/** `main.js migrate`: program-pmo's migrations as the owner (PMO_DB_USER), then the grants of PMO_DB_APP_ROLE. */
export function migrateProgramPmo(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return migrateService(SERVICE_NAME, programPmoSchema, env);
}
