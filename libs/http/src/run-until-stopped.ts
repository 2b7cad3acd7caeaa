import type { INestApplication } from '@nestjs/common';
import type { ServiceRuntime } from './service-runtime';

/** Keeps a started service running until SIGTERM or SIGINT, then closes it, its transport and telemetry in order. */
export function runUntilStopped(app: INestApplication, runtime: ServiceRuntime, stopTelemetry: () => Promise<void>): void {
  const stop = async () => {
    runtime.logger.info({ service: runtime.serviceName }, 'stopping');
    await app.close();
    await runtime.transport.close();
    await stopTelemetry();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
