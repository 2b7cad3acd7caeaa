import { ROOT_CONTEXT, context, propagation, type Context } from '@opentelemetry/api';

/** The W3C `traceparent` (and `tracestate`) of the active trace, to carry with an event. */
export function currentTraceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The trace context an event carried, so its consumer's span continues the producer's trace. */
export function traceContextOf(headers: Record<string, string>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}
