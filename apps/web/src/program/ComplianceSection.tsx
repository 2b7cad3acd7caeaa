import { Box, Button, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProgramPmoSchemas } from '@pmo/api-contracts/browser';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { apiUrl, usePmo } from '../api/clients';
import { useSession } from '../auth/AuthProvider';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useKeysetPages } from '../components/keyset-pages';
import { programKeys, useProgramStandards } from './program-api';

type Row = ProgramPmoSchemas['schemas']['ComplianceModelRowResponse'];
const PAGE_SIZE = 100;
const STATES = ['pending', 'adopted', 'tailored', 'grandfathered', 'variance-pending', 'variance-approved', 'non-compliant', 'overdue'] as const;
const COMPLIANT = ['adopted', 'tailored', 'grandfathered', 'variance-approved'];

const columns: GridColDef<Row>[] = [
  { field: 'projectName', headerName: 'Project', flex: 1.5, minWidth: 220 },
  { field: 'standardKey', headerName: 'Standard', flex: 1, minWidth: 180 },
  { field: 'version', headerName: 'Version', width: 90 },
  { field: 'adoptionDeadline', headerName: 'Adoption deadline', width: 150 },
  {
    field: 'state',
    headerName: 'State',
    width: 170,
    renderCell: ({ row }) => (
      <Chip
        size="small"
        label={row.state}
        color={COMPLIANT.includes(row.state) ? 'success' : row.state === 'non-compliant' || row.state === 'overdue' ? 'error' : 'default'}
      />
    ),
  },
];

/**
 * The program's compliance per project and standard version from its read model, as of a date, filtered by
 * standard and state: counts from the summary, rows a page at a time, the CSV streamed by the service.
 */
export function ComplianceSection({ programId }: { programId: string }) {
  const pmo = usePmo();
  const session = useSession();
  const [asOf, setAsOf] = useState('');
  const [state, setState] = useState('');
  const [standard, setStandard] = useState('');
  const standards = useProgramStandards(programId);
  const keys = [...new Set((standards.data ?? []).map((s) => s.key))].sort();
  // A date means the end of that day (the API takes a time).
  const query = {
    ...(asOf ? { asOf: `${asOf}T23:59:59Z` } : {}),
    ...(state ? { state: state as (typeof STATES)[number] } : {}),
    ...(standard ? { standard } : {}),
  };
  const [csvError, setCsvError] = useState<unknown>();
  const downloadCsv = async () => {
    setCsvError(undefined);
    try {
      const response = await fetch(apiUrl('program', `/programs/${programId}/compliance/export?${new URLSearchParams(query).toString()}`), {
        headers: { authorization: `Bearer ${await session.accessToken()}`, accept: 'text/csv' },
      });
      if (!response.ok) throw new Error(`The CSV could not be made (HTTP ${response.status}).`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = `compliance-${programId}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      setCsvError(error);
    }
  };
  const compliance = useQuery({
    queryKey: [...programKeys.part(programId, 'compliance'), 'summary', query],
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: () => unwrap(pmo.program.GET('/programs/{programId}/compliance/summary', { params: { path: { programId }, query } })),
  });
  const data = compliance.data;
  const summary = data?.summary;
  const { page, gridProps } = useKeysetPages([...programKeys.part(programId, 'compliance'), 'rows', query], PAGE_SIZE, (after) =>
    unwrap(pmo.program.GET('/programs/{programId}/compliance/rows', { params: { path: { programId }, query: { ...query, limit: PAGE_SIZE, after } } })),
  );
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        Program compliance
      </Typography>
      {summary && (
        <Typography>
          {summary.percentCompliant}% compliant: {summary.compliant} of {summary.total} project–standard pairs
          {data?.asOf ? ` (as of ${data.asOf.slice(0, 10)})` : ''}.
        </Typography>
      )}
      {data && data.byStandard.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} role="group" aria-label="Compliance per standard">
          {data.byStandard.map((rollup) => (
            <Chip key={rollup.standardKey} variant="outlined" label={`${rollup.standardKey}: ${rollup.percentCompliant}% (${rollup.compliant} of ${rollup.total})`} />
          ))}
        </Stack>
      )}
      <Stack direction="row" spacing={2}>
        <TextField label="As of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} size="small" slotProps={{ inputLabel: { shrink: true } }} />
        <TextField select label="State" value={state} onChange={(e) => setState(e.target.value)} size="small" sx={{ minWidth: 200 }}>
          <MenuItem value="">All states</MenuItem>
          {STATES.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="Standard" value={standard} onChange={(e) => setStandard(e.target.value)} size="small" sx={{ minWidth: 240 }}>
          <MenuItem value="">All standards</MenuItem>
          {keys.map((k) => (
            <MenuItem key={k} value={k}>
              {k}
            </MenuItem>
          ))}
        </TextField>
        <Button onClick={() => void downloadCsv()}>Download CSV</Button>
      </Stack>
      <ApiErrorAlert error={compliance.error ?? page.error ?? csvError} />
      <Box sx={{ height: 520 }}>
        <DataGrid
          aria-label="Compliance"
          rows={page.data?.rows ?? []}
          getRowId={(row) => `${row.projectId}/${row.versionId}`}
          columns={columns}
          loading={page.isFetching}
          rowCount={summary?.total ?? 0}
          {...gridProps}
          disableRowSelectionOnClick
        />
      </Box>
    </Stack>
  );
}
