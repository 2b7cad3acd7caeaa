import { startTelemetry, telemetrySettingsFromEnv } from '@pmo/telemetry';

// Telemetry first: the HTTP, pg and kafkajs instrumentations patch those modules as they load.
const stopTelemetry = startTelemetry(telemetrySettingsFromEnv('project-pmo', process.env));

async function main(): Promise<void> {
  const { runUntilStopped } = await import('@pmo/http');
  const { projectPmoRuntime } = await import('./config/service.config');
  const { startProjectPmo } = await import('./bootstrap');
  const runtime = projectPmoRuntime();
  runUntilStopped(await startProjectPmo(runtime), runtime, stopTelemetry);
}

main().catch((error: unknown) => {
  process.stderr.write(`project-pmo failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
