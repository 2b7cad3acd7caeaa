import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PmoClients, StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';

type Program = StrategicPmoSchemas['schemas']['PortfolioProgramResponse'];

/** The portfolio's programs, by id, to name them on screens whose API answers carry only ids. */
export function usePrograms() {
  const pmo = usePmo();
  const query = useQuery({ queryKey: ['portfolio', 'programs'], staleTime: 60_000, queryFn: () => unwrap(pmo.strategic.GET('/portfolio/programs')) });
  const byId = useMemo(() => new Map((query.data ?? []).map((p) => [p.programId, p])), [query.data]);
  return { programs: query.data ?? [], byId, error: query.error };
}

/** The catalog's standards (the first hundred, the API's page limit), by id, to show their keys and titles. */
export function useStandards() {
  const pmo = usePmo();
  const query = useQuery({
    queryKey: ['standards', 'names'],
    staleTime: 60_000,
    queryFn: () => unwrap(pmo.strategic.GET('/standards', { params: { query: { limit: 100 } } })),
  });
  const standards = useMemo(() => query.data?.items ?? [], [query.data]);
  const byId = useMemo(() => new Map(standards.map((s) => [s.id, s])), [standards]);
  return { standards, byId, error: query.error };
}

export function programLabel(byId: Map<string, Program>, programId: string): string {
  const program = byId.get(programId);
  return program ? `${program.name} (${program.code})` : programId;
}

/** A date-time as the people reading it expect: day and minute, in their own time zone. */
export function when(value: string | null | undefined): string {
  if (!value) return '—';
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

type Compliance = StrategicPmoSchemas['schemas']['PortfolioComplianceResponse'];
export interface ComplianceFilters {
  program?: string;
  standard?: string;
  state?: Compliance['rows'][number]['state'];
  asOf?: string;
}

/** The compliance roll-up as JSON (the route also answers CSV, hence the union its typed client returns). */
export async function complianceOf(pmo: PmoClients, filters: ComplianceFilters = {}): Promise<Compliance> {
  return (await unwrap(pmo.strategic.GET('/portfolio/compliance', { params: { query: { ...filters, format: 'json' } } }))) as Compliance;
}
