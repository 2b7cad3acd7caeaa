import { startTelemetry, telemetrySettingsFromEnv } from '@pmo/telemetry';

// Telemetry first: the HTTP, pg and kafkajs instrumentations patch those modules as they load.
const stopTelemetry = startTelemetry(telemetrySettingsFromEnv('project-pmo', process.env));

// `main.js` serves; `main.js migrate` applies the migrations and the app role's grants, then exits.
const args = process.argv.slice(2);

async function main(): Promise<void> {
  const { serviceCommandOf } = await import('@pmo/persistence');
  if (serviceCommandOf(args) === 'migrate') {
    const { migrateProjectPmo } = await import('./config/migrate.config');
    await migrateProjectPmo();
    await stopTelemetry();
    process.exit(0);
  }
  const { runUntilStopped } = await import('@pmo/http');
  const { projectPmoRuntime } = await import('./config/service.config');
  const { startProjectPmo } = await import('./bootstrap');
  const runtime = projectPmoRuntime();
  runUntilStopped(await startProjectPmo(runtime), runtime, stopTelemetry);
}

main().catch((error: unknown) => {
  const what = args[0] === 'migrate' ? 'migrate failed' : 'failed to start';
  process.stderr.write(`project-pmo ${what}: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
