import { afterATurn, openServicePort, servicePortFromEnv } from '@pmo/service-port';
import { QUIET_READS } from './quiet-reads';
import { DEFAULT_PORT, SERVICE_NAME } from './service-address';

// `main.js` serves; `main.js migrate` applies the migrations and the app role's grants, then exits.
const args = process.argv.slice(2);

// Serving: the port first, before the seconds of loading modules, dependency injection and the database, so
// that /health/live answers at once (readiness waits for the service itself).
const port = args.length === 0 ? openServicePort(servicePortFromEnv(SERVICE_NAME, DEFAULT_PORT, process.env)) : undefined;

async function main(): Promise<void> {
  // Then telemetry, before the rest: the HTTP (its Server prototype, so the port above too), pg and kafkajs
  // instrumentations patch those modules as they load. Each piece after a turn of the event loop, so that the
  // port answers its probes between them (afterATurn).
  const { startTelemetry, telemetrySettingsFromEnv } = await afterATurn(() => import('@pmo/telemetry'));
  const stopTelemetry = startTelemetry(telemetrySettingsFromEnv(SERVICE_NAME, process.env, QUIET_READS));
  const { serviceCommandOf } = await afterATurn(() => import('@pmo/persistence'));
  if (serviceCommandOf(args) === 'migrate') {
    const { migrateStrategicPmo } = await import('./config/migrate.config');
    await migrateStrategicPmo();
    await stopTelemetry();
    process.exit(0);
  }
  await port?.listening;
  // Nest and the messaging library first, each on its own: @pmo/http would load them in one piece with the rest.
  await afterATurn(() => import('@nestjs/core'));
  await afterATurn(() => import('@pmo/messaging'));
  const { runUntilStopped } = await afterATurn(() => import('@pmo/http'));
  const { strategicPmoRuntime } = await afterATurn(() => import('./config/service.config'));
  const { startStrategicPmo } = await afterATurn(() => import('./bootstrap'));
  const runtime = strategicPmoRuntime();
  runUntilStopped(await startStrategicPmo(runtime, port), runtime, stopTelemetry);
}

main().catch((error: unknown) => {
  const what = args[0] === 'migrate' ? 'migrate failed' : 'failed to start';
  process.stderr.write(`strategic-pmo ${what}: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
