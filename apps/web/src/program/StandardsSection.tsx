import { Box, Chip, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { describeLeeway, requirementsOf, useProgramStandards, type ProgramStandard } from './program-api';

const columns: GridColDef<ProgramStandard>[] = [
  { field: 'key', headerName: 'Standard', flex: 1.4, valueGetter: (_value, row) => `${row.key} — ${row.title}` },
  { field: 'version', headerName: 'Version', width: 90 },
  { field: 'level', headerName: 'Level', width: 110 },
  {
    field: 'inForce',
    headerName: 'In force',
    width: 110,
    renderCell: ({ row }) => <Chip size="small" label={row.inForce ? 'in force' : 'not yet'} color={row.inForce ? 'success' : 'default'} />,
  },
  { field: 'wave', headerName: 'Wave', flex: 1, valueGetter: (_value, row) => row.wave?.name ?? '—' },
  { field: 'appliesFrom', headerName: 'Applies from', width: 120 },
  { field: 'adoptionDeadline', headerName: 'Adoption deadline', width: 150 },
  { field: 'grandfatheringThresholdPercent', headerName: 'Grandfather from', width: 140, valueFormatter: (value: number) => `${value}% complete` },
  {
    field: 'requirements',
    headerName: 'Leeway',
    flex: 1.4,
    sortable: false,
    valueGetter: (_value, row) =>
      requirementsOf(row)
        .filter((r) => r.leeway)
        .map((r) => `${r.id}: ${describeLeeway(r.leeway)}`)
        .join('; ') || '—',
  },
];

/** The standards that apply to the program: each version, its wave, from when and by when. */
export function StandardsSection({ programId }: { programId: string }) {
  const standards = useProgramStandards(programId);
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        Standards in force and their wave deadlines
      </Typography>
      <ApiErrorAlert error={standards.error} />
      <Box sx={{ height: 420 }}>
        <DataGrid
          aria-label="Standards"
          rows={standards.data ?? []}
          getRowId={(row) => row.versionId}
          columns={columns}
          loading={standards.isFetching}
          disableRowSelectionOnClick
        />
      </Box>
    </Stack>
  );
}
