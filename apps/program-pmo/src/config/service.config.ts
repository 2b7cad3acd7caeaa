import { serviceRuntimeFromEnv, type ServiceRuntime } from '@pmo/http';
import { DEFAULT_PORT, SERVICE_NAME } from '../bootstrap';

/** The only place program-pmo reads the environment. */
export function programPmoRuntime(env: NodeJS.ProcessEnv = process.env): ServiceRuntime {
  return serviceRuntimeFromEnv(SERVICE_NAME, DEFAULT_PORT, env);
}
