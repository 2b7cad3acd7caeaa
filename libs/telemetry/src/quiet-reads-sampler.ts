import type { Attributes, Context, SpanKind } from '@opentelemetry/api';
import { SpanKind as Kind } from '@opentelemetry/api';
import { SamplingDecision, type Sampler, type SamplingResult } from '@opentelemetry/sdk-trace-base';

/**
 * The root sampler of a service: every trace is recorded except those started by a GET to one of `quietReads`,
 * the screens' reads that a dashboard asks hundreds of times a second and that change nothing. Their spans
 * (the request's and its queries') are not recorded; they still get trace ids, which the logs and error
 * bodies carry, and a caller that sends a sampled `traceparent` still gets them recorded (the sampler is
 * used behind `ParentBasedSampler`, which follows the caller's decision). Their latency stays in the HTTP
 * metrics (`pmo_http_request_duration_seconds`).
 */
export class QuietReadsSampler implements Sampler {
  constructor(private readonly quietReads: readonly RegExp[]) {}

  shouldSample(_context: Context, _traceId: string, spanName: string, spanKind: SpanKind, attributes: Attributes): SamplingResult {
    return { decision: this.isQuietRead(spanName, spanKind, attributes) ? SamplingDecision.NOT_RECORD : SamplingDecision.RECORD_AND_SAMPLED };
  }

  toString(): string {
    return `QuietReadsSampler{${this.quietReads.map(String).join(', ')}}`;
  }

  private isQuietRead(spanName: string, spanKind: SpanKind, attributes: Attributes): boolean {
    if (spanKind !== Kind.SERVER || spanName !== 'GET') return false;
    // The HTTP instrumentation names the path `url.path` (stable conventions) or `http.target` (with the query).
    const target = attributes['url.path'] ?? attributes['http.target'];
    if (typeof target !== 'string') return false;
    const path = target.split('?', 1)[0];
    return this.quietReads.some((read) => read.test(path));
  }
}
