import { Box, Button, Chip, Stack, TextField } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { SelectFilter } from '../components/SelectFilter';
import { NewStandardDialog } from './NewStandardDialog';
import { useIsStrategicAdmin } from './standards-api';

type Standard = StrategicPmoSchemas['schemas']['StandardResponse'];
const KINDS = ['methodology', 'standard', 'report-format', 'tool'] as const;
const STATES = ['draft', 'in-review', 'published', 'superseded', 'retired'] as const;

const columns: GridColDef<Standard>[] = [
  { field: 'key', headerName: 'Key', flex: 1, renderCell: ({ row }) => <Link to={`/standards/${row.id}`}>{row.key}</Link> },
  { field: 'title', headerName: 'Title', flex: 2 },
  { field: 'kind', headerName: 'Kind', width: 140 },
  {
    field: 'versions',
    headerName: 'Versions',
    flex: 2,
    sortable: false,
    renderCell: ({ row }) => (
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
        {row.versions.map((v) => (
          <Chip key={v.version} size="small" label={`${v.version} ${v.state}`} color={v.state === 'published' ? 'success' : 'default'} />
        ))}
      </Stack>
    ),
  },
  { field: 'tags', headerName: 'Tags', flex: 1, sortable: false, valueGetter: (_value, row) => row.tags.join(', ') },
];

/** The strategic PMO's catalog: every standard, methodology, report format and tool, searchable and filtered. */
export default function CatalogPage() {
  const pmo = usePmo();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [state, setState] = useState('');
  const [creating, setCreating] = useState(false);
  const isAdmin = useIsStrategicAdmin();
  const catalog = useQuery({
    queryKey: ['standards', { q, kind, state }],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        pmo.strategic.GET('/standards', {
          params: {
            query: {
              limit: 100,
              ...(q ? { q } : {}),
              ...(kind ? { kind: kind as (typeof KINDS)[number] } : {}),
              ...(state ? { state: state as (typeof STATES)[number] } : {}),
            },
          },
        }),
      ),
  });
  return (
    <>
      <PageHeader
        title="Catalog"
        subtitle="Standards, methodologies, report formats and tools the strategic PMO publishes."
        actions={
          isAdmin && (
            <Button variant="contained" onClick={() => setCreating(true)}>
              New standard
            </Button>
          )
        }
      />
      {creating && <NewStandardDialog open onClose={() => setCreating(false)} />}
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        <TextField label="Search" value={q} onChange={(e) => setQ(e.target.value)} size="small" />
        <SelectFilter label="Kind" allLabel="All kinds" options={KINDS} value={kind} onChange={setKind} />
        <SelectFilter label="State" allLabel="All states" options={STATES} value={state} onChange={setState} />
      </Stack>
      <ApiErrorAlert error={catalog.error} />
      <Box sx={{ height: 560 }}>
        <DataGrid aria-label="Catalog" rows={catalog.data?.items ?? []} columns={columns} loading={catalog.isFetching} disableRowSelectionOnClick />
      </Box>
    </>
  );
}
