import { ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { QuietReadsSampler } from './quiet-reads-sampler';

const sampler = new QuietReadsSampler([/^\/portfolio\/compliance\/(summary|rows)$/]);
const decide = (name: string, kind: SpanKind, attributes: Record<string, string>) =>
  sampler.shouldSample(ROOT_CONTEXT, '0af7651916cd43dd8448eb211c80319c', name, kind, attributes).decision;

describe('quiet reads sampler', () => {
  it('does not record a GET of a quiet read, with or without a query', () => {
    expect(decide('GET', SpanKind.SERVER, { 'http.target': '/portfolio/compliance/summary?asOf=2026-01-01' })).toBe(SamplingDecision.NOT_RECORD);
    expect(decide('GET', SpanKind.SERVER, { 'url.path': '/portfolio/compliance/rows' })).toBe(SamplingDecision.NOT_RECORD);
  });

  it('records every other request and span', () => {
    expect(decide('POST', SpanKind.SERVER, { 'http.target': '/portfolio/compliance/summary' })).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide('GET', SpanKind.SERVER, { 'http.target': '/portfolio/compliance/export' })).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide('GET', SpanKind.SERVER, { 'http.target': '/portfolio/compliance/summary/more' })).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide('pg.query:SELECT', SpanKind.CLIENT, { 'http.target': '/portfolio/compliance/summary' })).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide('GET', SpanKind.SERVER, {})).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  });
});
