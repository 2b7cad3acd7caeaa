import { Box, Button, MenuItem, Pagination, Paper, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiUrl, usePmo } from '../api/clients';
import { useSession } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { CellProjects } from './CellProjects';
import { ComplianceHeatmap, type HeatmapCell } from './ComplianceHeatmap';
import { heatmapCellsOf } from './heatmap-cells';
import { PROGRAMS_PER_HEATMAP, heatmapPage } from './heatmap-pages';
import { usePrograms, useStandards, when } from './names';
import { STATES, filtersOf, portfolioHeatmapQuery, portfolioSummaryQuery } from './portfolio-queries';

/**
 * The portfolio's compliance from its read model: the summary and the heatmap counted in SQL, the same roll-up as
 * a grid, a cell's projects a page at a time, and the CSV streamed by the service.
 */
export default function PortfolioPage() {
  const pmo = usePmo();
  const session = useSession();
  const programs = usePrograms();
  const standards = useStandards();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const cellProgram = params.get('cellProgram');
  const cellStandard = params.get('cellStandard');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const compliance = useQuery({ ...portfolioSummaryQuery(pmo, filters), placeholderData: keepPreviousData });
  const heatmap = useQuery({ ...portfolioHeatmapQuery(pmo, filters), placeholderData: keepPreviousData });
  const cells = useMemo(() => heatmapCellsOf(heatmap.data), [heatmap.data]);
  const [chartPage, setChartPage] = useState(1);
  const charted = useMemo(() => heatmapPage(cells, chartPage), [cells, chartPage]);
  const drilledCell = cells.find((c) => c.programId === cellProgram && c.standardKey === cellStandard);
  const drilledProgram = programs.byId.get(cellProgram ?? '')?.name ?? drilledCell?.programLabel;

  const set = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  const drillLink = (c: HeatmapCell) => {
    const next = new URLSearchParams(params);
    next.set('cellProgram', c.programId);
    next.set('cellStandard', c.standardKey);
    return `?${next.toString()}`;
  };

  const downloadCsv = async () => {
    setDownloadError(null);
    try {
      const query = new URLSearchParams({ ...filters });
      const response = await fetch(apiUrl('strategic', `/portfolio/compliance/export?${query.toString()}`), {
        headers: { authorization: `Bearer ${await session.accessToken()}`, accept: 'text/csv' },
      });
      if (!response.ok) throw new Error(`The CSV could not be made (HTTP ${response.status}).`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `portfolio-compliance-${(compliance.data?.asOf ?? new Date().toISOString()).slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setDownloadError(error);
    }
  };

  const rollupColumns: GridColDef<HeatmapCell>[] = [
    { field: 'programLabel', headerName: 'Program', flex: 1.5 },
    { field: 'standardKey', headerName: 'Standard', flex: 1.5 },
    { field: 'total', headerName: 'Project rows', type: 'number', width: 120 },
    { field: 'compliant', headerName: 'Compliant', type: 'number', width: 110 },
    { field: 'percent', headerName: '% compliant', type: 'number', width: 120 },
    {
      field: 'drill',
      headerName: 'Projects',
      width: 170,
      sortable: false,
      filterable: false,
      renderCell: ({ row }) => (
        <Link to={drillLink(row)} aria-label={`Projects of ${row.programLabel} on ${row.standardKey}`}>
          Show projects
        </Link>
      ),
    },
  ];
  const summary = compliance.data?.summary;

  return (
    <>
      <PageHeader
        title="Portfolio compliance"
        subtitle="How far each program complies with each standard, as of any day."
        actions={
          <Button variant="outlined" onClick={() => void downloadCsv()}>
            Download CSV
          </Button>
        }
      />
      <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap', rowGap: 2 }}>
        <TextField
          select
          label="Program"
          value={params.get('program') ?? ''}
          onChange={(e) => set({ program: e.target.value })}
          size="small"
          sx={{ minWidth: 240 }}
        >
          <MenuItem value="">All programs</MenuItem>
          {programs.programs.map((p) => (
            <MenuItem key={p.programId} value={p.programId}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Standard"
          value={params.get('standard') ?? ''}
          onChange={(e) => set({ standard: e.target.value })}
          size="small"
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="">All standards</MenuItem>
          {standards.standards.map((s) => (
            <MenuItem key={s.id} value={s.key}>
              {s.key}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="State" value={params.get('state') ?? ''} onChange={(e) => set({ state: e.target.value })} size="small" sx={{ minWidth: 190 }}>
          <MenuItem value="">All states</MenuItem>
          {STATES.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="As of"
          type="date"
          value={params.get('asOf') ?? ''}
          onChange={(e) => set({ asOf: e.target.value })}
          size="small"
          slotProps={{ inputLabel: { shrink: true } }}
          helperText="Empty: now"
        />
      </Stack>
      <ApiErrorAlert error={compliance.error ?? heatmap.error ?? downloadError} />
      {compliance.data && summary && (
        <Typography sx={{ mb: 1 }} aria-live="polite" data-testid="compliance-summary">
          As of {when(compliance.data.asOf)}: {summary.compliant} of {summary.total} project rows compliant ({summary.percentCompliant}%).
        </Typography>
      )}
      <Paper variant="outlined" sx={{ p: 1, mb: 2 }}>
        {charted.pages > 1 && (
          <Pagination
            count={charted.pages}
            page={charted.page}
            onChange={(_, page) => setChartPage(page)}
            aria-label={`Heatmap pages of ${PROGRAMS_PER_HEATMAP} programs`}
            sx={{ mb: 1 }}
          />
        )}
        {charted.cells.length > 0 ? (
          <ComplianceHeatmap
            cells={charted.cells}
            onSelect={(c) => set({ cellProgram: c.programId, cellStandard: c.standardKey })}
            label={`Heatmap of percent compliant, programs by standards: ${charted.cells.map((c) => `${c.programLabel} ${c.standardKey} ${c.percent}%`).join('; ')}`}
          />
        ) : (
          <Typography sx={{ p: 2 }}>{heatmap.isFetching ? 'Loading the figures…' : 'No project rows match these filters.'}</Typography>
        )}
      </Paper>
      {cellProgram && cellStandard && (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }} component="section" aria-label="Projects of the selected cell">
          <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
              {`${drilledProgram ?? 'Program'} × ${cellStandard}: projects`}
            </Typography>
            <Button onClick={() => set({ cellProgram: null, cellStandard: null })}>Close</Button>
          </Stack>
          <CellProjects
            key={`${cellProgram}|${cellStandard}|${JSON.stringify(filters)}`}
            filters={filters}
            programId={cellProgram}
            standardKey={cellStandard}
            total={drilledCell?.total ?? 0}
          />
        </Paper>
      )}
      <Typography variant="h6" component="h2" gutterBottom>
        Programs × standards
      </Typography>
      <Box sx={{ height: 420 }}>
        <DataGrid
          aria-label="Compliance by program and standard"
          rows={cells}
          getRowId={(c) => `${c.programId}|${c.standardKey}`}
          columns={rollupColumns}
          loading={heatmap.isFetching}
          disableRowSelectionOnClick
        />
      </Box>
    </>
  );
}
