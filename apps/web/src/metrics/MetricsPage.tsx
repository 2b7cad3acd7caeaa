import { Box, MenuItem, Stack, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { AdoptionSection, ComplianceSection, RedReportsSection, VarianceSection } from './GovernanceSections';
import { HealthSection } from './HealthSection';
import {
  useAdoptionWaves,
  useComplianceTrend,
  useHealthMetrics,
  useMetricDefinitions,
  useRedReports,
  useVarianceDecisions,
  type MetricsFilter,
} from './metrics-api';

const WINDOWS = [4, 13, 26];

/** The governance metrics, each chart with its definition beside it; for the portfolio or one program. */
export default function MetricsPage() {
  const pmo = usePmo();
  const [filter, setFilter] = useState<MetricsFilter>({ weeks: 13, program: '' });
  const programs = useQuery({ queryKey: ['portfolio', 'programs'], staleTime: 60_000, queryFn: () => unwrap(pmo.strategic.GET('/portfolio/programs')) });
  const definitions = useMetricDefinitions();
  const health = useHealthMetrics(filter);
  const red = useRedReports(filter);
  const decisions = useVarianceDecisions(filter);
  const adoption = useAdoptionWaves(filter);
  const compliance = useComplianceTrend(filter);
  const definitionOf = (id: string) => definitions.data?.find((d) => d.id === id);
  return (
    <Box>
      <PageHeader
        title="Metrics"
        subtitle="Health from status reports, decisions, adoption and compliance over time; each metric with its definition."
        actions={
          <Stack direction="row" spacing={1}>
            <TextField
              select
              size="small"
              label="Program"
              value={filter.program}
              sx={{ minWidth: 200 }}
              onChange={(e) => setFilter({ ...filter, program: e.target.value })}
            >
              <MenuItem value="">Whole portfolio</MenuItem>
              {(programs.data ?? []).map((p) => (
                <MenuItem key={p.programId} value={p.programId}>
                  {p.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField select size="small" label="Weeks" value={filter.weeks} onChange={(e) => setFilter({ ...filter, weeks: Number(e.target.value) })}>
              {WINDOWS.map((weeks) => (
                <MenuItem key={weeks} value={weeks}>
                  {weeks === 13 ? '13 (a quarter)' : weeks}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        }
      />
      <ApiErrorAlert error={definitions.error ?? health.error ?? red.error ?? decisions.error ?? adoption.error ?? compliance.error} />
      {health.data && <HealthSection health={health.data} definitionOf={definitionOf} />}
      {red.data && <RedReportsSection red={red.data} definitionOf={definitionOf} />}
      {decisions.data && <VarianceSection decisions={decisions.data} definitionOf={definitionOf} />}
      {adoption.data && <AdoptionSection adoption={adoption.data} definitionOf={definitionOf} />}
      {compliance.data && <ComplianceSection trend={compliance.data} definitionOf={definitionOf} />}
    </Box>
  );
}
