import { startTelemetry, telemetrySettingsFromEnv } from '@pmo/telemetry';

// Telemetry first: the HTTP, pg and kafkajs instrumentations patch those modules as they load.
const stopTelemetry = startTelemetry(telemetrySettingsFromEnv('strategic-pmo', process.env));

async function main(): Promise<void> {
  const { runUntilStopped } = await import('@pmo/http');
  const { strategicPmoRuntime } = await import('./config/service.config');
  const { startStrategicPmo } = await import('./bootstrap');
  const runtime = strategicPmoRuntime();
  runUntilStopped(await startStrategicPmo(runtime), runtime, stopTelemetry);
}

main().catch((error: unknown) => {
  process.stderr.write(`strategic-pmo failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
