import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ParentBasedSampler, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { QuietReadsSampler } from './quiet-reads-sampler';

export interface TelemetrySettings {
  serviceName: string;
  /** OTLP/HTTP traces endpoint; when absent spans are recorded (ids reach the logs) but not exported. */
  otlpEndpoint?: string;
  /** Paths whose GET requests are not traced unless the caller's `traceparent` asks (`QuietReadsSampler`). */
  quietReads?: readonly RegExp[];
}

export function telemetrySettingsFromEnv(serviceName: string, env: NodeJS.ProcessEnv, quietReads: readonly RegExp[] = []): TelemetrySettings {
  return { serviceName, otlpEndpoint: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT, quietReads };
}

/**
 * Starts the OpenTelemetry Node SDK with the HTTP, pg and kafkajs instrumentations; every trace is recorded
 * but those of the quiet reads (see `QuietReadsSampler`). Call it before
 * those modules are loaded (first line of main), so they get patched. Returns the shutdown function.
 */
export function startTelemetry(settings: TelemetrySettings): () => Promise<void> {
  const sdk = new NodeSDK({
    serviceName: settings.serviceName,
    traceExporter: settings.otlpEndpoint ? new OTLPTraceExporter({ url: traceUrl(settings.otlpEndpoint) }) : new DiscardingExporter(),
    // A caller's sampled traceparent is followed; a request without one is recorded unless it is a quiet read.
    sampler: new ParentBasedSampler({ root: new QuietReadsSampler(settings.quietReads ?? []) }),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url?.startsWith('/health') ?? false }),
      new PgInstrumentation(),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();
  return () => sdk.shutdown();
}

// Spans still get real ids (for logs and propagation) when nothing collects them.
class DiscardingExporter implements SpanExporter {
  export(_spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    done({ code: ExportResultCode.SUCCESS });
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function traceUrl(endpoint: string): string {
  return endpoint.endsWith('/v1/traces') ? endpoint : `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}
