import { authSettingsFromEnv } from '@pmo/auth';
import type { PmoService } from '@pmo/contracts';
import { createTransport, messagingSettingsFromEnv, relaySettingsFromEnv } from '@pmo/messaging';
import { databaseSettingsFromEnv, migrationSettingsFromEnv } from '@pmo/persistence';
import { createLogger } from '@pmo/telemetry';
import type { ServiceRuntime } from './service-runtime';

/**
 * Builds a service's runtime from environment variables (`PMO_*` shared, `<SERVICE>_*` its own).
 * Throws naming every bad variable.
 */
export function serviceRuntimeFromEnv(serviceName: PmoService, defaultPort: number, env: NodeJS.ProcessEnv): ServiceRuntime {
  const prefix = serviceName.toUpperCase().replace(/-/g, '_');
  const port = Number(env[`${prefix}_PORT`] ?? defaultPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid environment variables: ${prefix}_PORT must be a port number`);
  const logger = createLogger(serviceName, env.PMO_LOG_LEVEL ?? 'info');
  const messaging = messagingSettingsFromEnv(serviceName, env);
  return {
    serviceName,
    host: env.PMO_HTTP_HOST ?? '127.0.0.1',
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
