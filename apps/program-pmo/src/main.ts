import { startTelemetry, telemetrySettingsFromEnv } from '@pmo/telemetry';

// Telemetry first: the HTTP, pg and kafkajs instrumentations patch those modules as they load.
const stopTelemetry = startTelemetry(telemetrySettingsFromEnv('program-pmo', process.env));

// `main.js` serves; `main.js migrate` applies the migrations and the app role's grants, then exits.
const args = process.argv.slice(2);

async function main(): Promise<void> {
  const { serviceCommandOf } = await import('@pmo/persistence');
  if (serviceCommandOf(args) === 'migrate') {
    const { migrateProgramPmo } = await import('./config/migrate.config');
    await migrateProgramPmo();
    await stopTelemetry();
    process.exit(0);
  }
  const { runUntilStopped } = await import('@pmo/http');
  const { programPmoRuntime } = await import('./config/service.config');
  const { startProgramPmo } = await import('./bootstrap');
  const runtime = programPmoRuntime();
  runUntilStopped(await startProgramPmo(runtime), runtime, stopTelemetry);
}

main().catch((error: unknown) => {
  const what = args[0] === 'migrate' ? 'migrate failed' : 'failed to start';
  process.stderr.write(`program-pmo ${what}: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
