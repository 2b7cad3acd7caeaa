import { Box } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ProjectPmoSchemas } from '@pmo/api-contracts/browser';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';

type Project = ProjectPmoSchemas['schemas']['ProjectResponse'];

const columns: GridColDef<Project>[] = [
  { field: 'name', headerName: 'Project', flex: 2, renderCell: ({ row }) => <Link to={`/projects/${row.id}`}>{row.name}</Link> },
  { field: 'code', headerName: 'Code', flex: 1 },
  { field: 'phase', headerName: 'Phase', width: 130 },
  { field: 'percentComplete', headerName: '% complete', type: 'number', width: 120 },
  { field: 'endDate', headerName: 'Planned end', width: 130 },
  { field: 'closedAt', headerName: 'Closed', width: 130, valueGetter: (_value, row) => (row.closedAt ? row.closedAt.slice(0, 10) : '') },
  { field: 'tags', headerName: 'Tags', flex: 1, sortable: false, valueGetter: (_value, row) => row.tags.join(', ') },
];

/** The projects the signed-in person reaches (a project manager: their own). */
export default function ProjectsPage() {
  const pmo = usePmo();
  const projects = useQuery({ queryKey: ['projects'], queryFn: () => unwrap(pmo.project.GET('/projects')) });
  return (
    <>
      <PageHeader title="Projects" subtitle="The projects you reach: their requirements, status reports and variance proposals." />
      <ApiErrorAlert error={projects.error} />
      <Box sx={{ height: 480 }}>
        <DataGrid aria-label="Projects" rows={projects.data ?? []} columns={columns} loading={projects.isFetching} disableRowSelectionOnClick />
      </Box>
    </>
  );
}
