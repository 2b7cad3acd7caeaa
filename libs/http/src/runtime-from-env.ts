import { authSettingsFromEnv } from '@pmo/auth';
import type { PmoService } from '@pmo/contracts';
import { createTransport, messagingSettingsFromEnv, relaySettingsFromEnv } from '@pmo/messaging';
import { databaseSettingsFromEnv, migrationSettingsFromEnv } from '@pmo/persistence';
import { servicePortFromEnv } from '@pmo/service-port';
import { createLogger } from '@pmo/telemetry';
import type { ServiceRuntime } from './service-runtime';

/**
 * Builds a service's runtime from environment variables (`PMO_*` shared, `<SERVICE>_*` its own).
 * Throws naming every bad variable.
 */
export function serviceRuntimeFromEnv(serviceName: PmoService, defaultPort: number, env: NodeJS.ProcessEnv): ServiceRuntime {
  const { host, port } = servicePortFromEnv(serviceName, defaultPort, env);
  const logger = createLogger(serviceName, env.PMO_LOG_LEVEL ?? 'info');
  const messaging = messagingSettingsFromEnv(serviceName, env);
  return {
    serviceName,
    host,
    port,
    database: databaseSettingsFromEnv(serviceName, env),
    migrateOnStart: migrationSettingsFromEnv(env).migrateOnStart,
    messaging,
    relay: relaySettingsFromEnv(env),
    transport: createTransport(messaging, serviceName, logger),
    auth: authSettingsFromEnv(serviceName, env),
    logger,
    controllableClock: env.PMO_CONTROLLABLE_CLOCK === 'true',
  };
}
