import { queryOptions } from '@tanstack/react-query';
import type { PmoClients } from '@pmo/api-contracts/browser';
import { unwrap } from '../api/api-error';
import type { ComplianceFilters } from './names';

// The portfolio dashboard's queries, declared once: the page uses them, and its route starts them while the
// page's code (charts, grid) is still loading.

export const STATES = ['pending', 'adopted', 'tailored', 'grandfathered', 'variance-pending', 'variance-approved', 'non-compliant', 'overdue'] as const;
type State = (typeof STATES)[number];

/** The API's filters from the page's address: program, standard, state, and the end of the as-of day. */
export function filtersOf(params: URLSearchParams): ComplianceFilters {
  const asOfDay = params.get('asOf') ?? '';
  return {
    ...(params.get('program') ? { program: params.get('program') as string } : {}),
    ...(params.get('standard') ? { standard: params.get('standard') as string } : {}),
    ...(params.get('state') ? { state: params.get('state') as State } : {}),
    ...(asOfDay ? { asOf: `${asOfDay}T23:59:59.999Z` } : {}),
  };
}

export const portfolioSummaryQuery = (pmo: PmoClients, filters: ComplianceFilters) =>
  queryOptions({
    queryKey: ['portfolio', 'compliance', 'summary', filters],
    queryFn: () => unwrap(pmo.strategic.GET('/portfolio/compliance/summary', { params: { query: filters } })),
  });

export const portfolioHeatmapQuery = (pmo: PmoClients, filters: ComplianceFilters) =>
  queryOptions({
    queryKey: ['portfolio', 'compliance', 'heatmap', filters],
    queryFn: () => unwrap(pmo.strategic.GET('/portfolio/compliance/heatmap', { params: { query: filters } })),
  });
