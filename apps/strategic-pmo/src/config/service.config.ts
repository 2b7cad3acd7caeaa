import { serviceRuntimeFromEnv, type ServiceRuntime } from '@pmo/http';
import { DEFAULT_PORT, SERVICE_NAME } from '../bootstrap';

/** The only place strategic-pmo reads the environment. */
export function strategicPmoRuntime(env: NodeJS.ProcessEnv = process.env): ServiceRuntime {
  return serviceRuntimeFromEnv(SERVICE_NAME, DEFAULT_PORT, env);
}
