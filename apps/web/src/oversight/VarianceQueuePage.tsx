import { Box, Chip, FormControlLabel, MenuItem, Stack, Switch, TextField } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { programLabel, usePrograms, useStandards } from './names';

type Case = StrategicPmoSchemas['schemas']['VarianceCaseViewResponse'];
const VARIANCE_STATES = ['submitted', 'under-review', 'approved', 'approved-with-conditions', 'rejected', 'withdrawn', 'expired', 'revoked'] as const;
const OPEN = new Set<string>(['submitted', 'under-review']);

interface Row extends Case {
  programLabel: string;
  standardKey: string;
}

const flag = (label: string, color: 'error' | 'warning') =>
  function FlagCell({ value }: { value?: boolean }) {
    return value ? <Chip size="small" color={color} label={label} /> : null;
  };

const columns: GridColDef<Row>[] = [
  {
    field: 'standardKey',
    headerName: 'Variance',
    flex: 1.4,
    renderCell: ({ row }) => <Link to={`/variances/${row.id}`}>{`${row.standardKey} ${row.version}: ${row.requirementIds.join(', ')}`}</Link>,
  },
  { field: 'programLabel', headerName: 'Program', flex: 1.2 },
  { field: 'justification', headerName: 'Justification', flex: 2 },
  { field: 'state', headerName: 'State', width: 190, type: 'singleSelect', valueOptions: [...VARIANCE_STATES] },
  { field: 'submittedAt', headerName: 'Submitted', width: 120, type: 'date', valueGetter: (value: string) => new Date(value) },
  { field: 'decisionDueOn', headerName: 'Decision due (SLA)', width: 150, type: 'date', valueGetter: (value: string) => new Date(value) },
  { field: 'expiresOn', headerName: 'Ends on', width: 120, type: 'date', valueGetter: (value: string) => new Date(value) },
  { field: 'late', headerName: 'Late', width: 90, type: 'boolean', renderCell: flag('late', 'error') },
  { field: 'conditionsOverdue', headerName: 'Conditions overdue', width: 160, type: 'boolean', renderCell: flag('overdue', 'error') },
  { field: 'needsReview', headerName: 'Needs review', width: 130, type: 'boolean', renderCell: flag('review', 'warning') },
  { field: 'requestedByName', headerName: 'Requested by', flex: 1 },
];

/** The strategic PMO's variance queue: every request it reaches, its SLA and flags, sortable and filtered. */
export default function VarianceQueuePage() {
  const pmo = usePmo();
  const programs = usePrograms();
  const standards = useStandards();
  const [state, setState] = useState('attention');
  const [program, setProgram] = useState('');
  const [standard, setStandard] = useState('');
  const [late, setLate] = useState(false);
  const [needsReview, setNeedsReview] = useState(false);
  const [search, setSearch] = useState('');
  // The API filters by state, program, standard and the two flags; "needs attention" (undecided or any
  // flag) and the free-text search are this screen's own.
  const query = {
    ...(state && state !== 'attention' ? { state: state as Case['state'] } : {}),
    ...(program ? { programId: program } : {}),
    ...(standard ? { standardId: standard } : {}),
    ...(late ? { late: true } : {}),
    ...(needsReview ? { needsReview: true } : {}),
  };
  const cases = useQuery({
    queryKey: ['variances', query],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(pmo.strategic.GET('/variances', { params: { query } })),
  });
  const rows = useMemo<Row[]>(
    () =>
      (cases.data ?? [])
        .filter((c) => state !== 'attention' || OPEN.has(c.state) || c.late || c.conditionsOverdue || c.needsReview)
        .filter((c) => !search || `${c.justification} ${c.requestedByName} ${c.requirementIds.join(' ')}`.toLowerCase().includes(search.toLowerCase()))
        .map((c) => ({ ...c, programLabel: programLabel(programs.byId, c.programId), standardKey: standards.byId.get(c.standardId)?.key ?? 'standard' })),
    [cases.data, state, search, programs.byId, standards.byId],
  );
  return (
    <>
      <PageHeader title="Variance queue" subtitle="Requests to deviate from a standard: what is due, late, or needs another look." />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField label="Search" value={search} onChange={(e) => setSearch(e.target.value)} size="small" helperText="Justification, requester, requirement" />
        <TextField select label="State" value={state} onChange={(e) => setState(e.target.value)} size="small" sx={{ minWidth: 300 }}>
          <MenuItem value="attention">Needs attention: undecided or flagged</MenuItem>
          <MenuItem value="">All states</MenuItem>
          {VARIANCE_STATES.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="Program" value={program} onChange={(e) => setProgram(e.target.value)} size="small" sx={{ minWidth: 240 }}>
          <MenuItem value="">All programs</MenuItem>
          {programs.programs.map((p) => (
            <MenuItem key={p.programId} value={p.programId}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="Standard" value={standard} onChange={(e) => setStandard(e.target.value)} size="small" sx={{ minWidth: 240 }}>
          <MenuItem value="">All standards</MenuItem>
          {standards.standards.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.key}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel control={<Switch checked={late} onChange={(e) => setLate(e.target.checked)} />} label="Only late" />
        <FormControlLabel control={<Switch checked={needsReview} onChange={(e) => setNeedsReview(e.target.checked)} />} label="Only needing review" />
      </Stack>
      <ApiErrorAlert error={cases.error} />
      <Box sx={{ height: 600 }}>
        <DataGrid
          aria-label="Variance requests"
          rows={rows}
          columns={columns}
          loading={cases.isFetching}
          disableRowSelectionOnClick
          initialState={{ sorting: { sortModel: [{ field: 'decisionDueOn', sort: 'asc' }] } }}
        />
      </Box>
    </>
  );
}
