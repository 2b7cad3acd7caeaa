import { startTelemetry, telemetrySettingsFromEnv } from '@pmo/telemetry';

// Telemetry first: the HTTP, pg and kafkajs instrumentations patch those modules as they load.
const stopTelemetry = startTelemetry(telemetrySettingsFromEnv('program-pmo', process.env));

async function main(): Promise<void> {
  const { runUntilStopped } = await import('@pmo/http');
  const { programPmoRuntime } = await import('./config/service.config');
  const { startProgramPmo } = await import('./bootstrap');
  const runtime = programPmoRuntime();
  runUntilStopped(await startProgramPmo(runtime), runtime, stopTelemetry);
}

main().catch((error: unknown) => {
  process.stderr.write(`program-pmo failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
