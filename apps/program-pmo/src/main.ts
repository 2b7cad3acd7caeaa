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
    const { migrateProgramPmo } = await import('./config/migrate.config');
    await migrateProgramPmo();
    await stopTelemetry();
    process.exit(0);
  }
  await port?.listening;
  // Nest and the messaging library first, each on its own: @pmo/http would load them in one piece with the rest.
  await afterATurn(() => import('@nestjs/core'));
  await afterATurn(() => import('@pmo/messaging'));
  const { runUntilStopped } = await afterATurn(() => import('@pmo/http'));
  const { programPmoRuntime } = await afterATurn(() => import('./config/service.config'));
  const { startProgramPmo } = await afterATurn(() => import('./bootstrap'));
  const runtime = programPmoRuntime();
  runUntilStopped(await startProgramPmo(runtime, port), runtime, stopTelemetry);
}

main().catch((error: unknown) => {
  const what = args[0] === 'migrate' ? 'migrate failed' : 'failed to start';
  process.stderr.write(`program-pmo ${what}: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
