// OpenTelemetry set-up (HTTP, pg, kafkajs) and JSON logs carrying trace ids.
export { startTelemetry, telemetrySettingsFromEnv, type TelemetrySettings } from './telemetry';
export { createLogger } from './logger';
