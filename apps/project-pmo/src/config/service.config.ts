import { serviceRuntimeFromEnv, type ServiceRuntime } from '@pmo/http';
import { DEFAULT_PORT, SERVICE_NAME } from '../service-address';

/** Where project-pmo reads the environment to serve (migrate.config.ts: to migrate). */
export function projectPmoRuntime(env: NodeJS.ProcessEnv = process.env): ServiceRuntime {
  return serviceRuntimeFromEnv(SERVICE_NAME, DEFAULT_PORT, env);
}
