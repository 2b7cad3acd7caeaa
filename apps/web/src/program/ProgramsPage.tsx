import { Box } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import type { Program } from './program-api';

const columns: GridColDef<Program>[] = [
  { field: 'name', headerName: 'Program', flex: 2, renderCell: ({ row }) => <Link to={`/programs/${row.id}`}>{row.name}</Link> },
  { field: 'code', headerName: 'Code', width: 140 },
  { field: 'tags', headerName: 'Tags', flex: 1, sortable: false, valueGetter: (_value, row) => row.tags.join(', ') },
  { field: 'registeredAt', headerName: 'Registered', width: 140, valueGetter: (_value, row) => row.registeredAt.slice(0, 10) },
];

/** The programs the program manager runs (those of his groups). */
export default function ProgramsPage() {
  const pmo = usePmo();
  const programs = useQuery({ queryKey: ['programs'], queryFn: () => unwrap(pmo.program.GET('/programs')) });
  return (
    <>
      <PageHeader title="My programs" subtitle="The programs you manage: their standards, adoption, variances and compliance." />
      <ApiErrorAlert error={programs.error} />
      <Box sx={{ height: 420 }}>
        <DataGrid aria-label="Programs" rows={programs.data ?? []} columns={columns} loading={programs.isFetching} disableRowSelectionOnClick />
      </Box>
    </>
  );
}
