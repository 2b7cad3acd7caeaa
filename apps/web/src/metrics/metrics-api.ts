import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';

type Schemas = StrategicPmoSchemas['schemas'];
export type MetricDefinition = Schemas['MetricDefinitionResponse'];
export type HealthMetrics = Schemas['HealthMetricsResponse'];
export type RedReports = Schemas['RedReportsResponse'];
export type VarianceDecisions = Schemas['VarianceDecisionMetricsResponse'];
export type AdoptionWaves = Schemas['AdoptionWavesResponse'];
export type ComplianceTrend = Schemas['ComplianceTrendResponse'];

/** The window and program every metric of the screen is read for. */
export interface MetricsFilter {
  weeks: number;
  program: string;
}

const KEY = ['portfolio', 'metrics'] as const;

function queryOf({ weeks, program }: MetricsFilter) {
  return { weeks, ...(program ? { program } : {}) };
}

export function useMetricDefinitions() {
  const pmo = usePmo();
  return useQuery({ queryKey: [...KEY, 'definitions'], staleTime: Infinity, queryFn: () => unwrap(pmo.strategic.GET('/portfolio/metrics/definitions')) });
}

export function useHealthMetrics(filter: MetricsFilter) {
  const pmo = usePmo();
  return useQuery({
    queryKey: [...KEY, 'health', filter],
    queryFn: () => unwrap(pmo.strategic.GET('/portfolio/metrics/health', { params: { query: queryOf(filter) } })),
  });
}

export function useRedReports(filter: MetricsFilter) {
  const pmo = usePmo();
  return useQuery({
    queryKey: [...KEY, 'red-reports', filter],
    queryFn: () => unwrap(pmo.strategic.GET('/portfolio/metrics/red-reports', { params: { query: queryOf(filter) } })),
  });
}

export function useVarianceDecisions(filter: MetricsFilter) {
  const pmo = usePmo();
  return useQuery({
    queryKey: [...KEY, 'variance-decisions', filter],
    queryFn: () => unwrap(pmo.strategic.GET('/portfolio/metrics/variance-decisions', { params: { query: queryOf(filter) } })),
  });
}

export function useAdoptionWaves(filter: MetricsFilter) {
  const pmo = usePmo();
  return useQuery({
    queryKey: [...KEY, 'adoption-waves', filter],
    queryFn: () => unwrap(pmo.strategic.GET('/portfolio/metrics/adoption-waves', { params: { query: queryOf(filter) } })),
  });
}

export function useComplianceTrend(filter: MetricsFilter) {
  const pmo = usePmo();
  return useQuery({
    queryKey: [...KEY, 'compliance-trend', filter],
    queryFn: () => unwrap(pmo.strategic.GET('/portfolio/metrics/compliance-trend', { params: { query: queryOf(filter) } })),
  });
}

/** A week end as the charts label it: its calendar day. */
export function dayOf(at: string): string {
  return at.slice(0, 10);
}

export const RATING_COLOURS = { green: '#2e7d32', amber: '#ed6c02', red: '#d32f2f' } as const;
