import { Box, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import type { ProgramPmoSchemas } from '@pmo/api-contracts/browser';
import { useMemo } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { programKeys, useProgramProjects } from './program-api';

type OverdueNotice = ProgramPmoSchemas['schemas']['OverdueNoticeResponse'];
type VarianceNotice = ProgramPmoSchemas['schemas']['VarianceNoticeResponse'];

const varianceColumns: GridColDef<VarianceNotice>[] = [
  { field: 'noticedAt', headerName: 'When', width: 170, valueGetter: (_v, row) => row.noticedAt.slice(0, 16).replace('T', ' ') },
  { field: 'kind', headerName: 'What', width: 160 },
  { field: 'message', headerName: 'Message', flex: 1 },
];

/** What the platform announced to the program: adoption deadlines missed, and what happened to its variances. */
export function NoticesSection({ programId }: { programId: string }) {
  const pmo = usePmo();
  const projects = useProgramProjects(programId);
  const overdue = useQuery({
    queryKey: programKeys.part(programId, 'overdue-notices'),
    queryFn: () => unwrap(pmo.program.GET('/programs/{programId}/overdue-notices', { params: { path: { programId } } })),
    retry: false,
  });
  const variance = useQuery({
    queryKey: programKeys.part(programId, 'variance-notices'),
    queryFn: () => unwrap(pmo.program.GET('/programs/{programId}/variance-notices', { params: { path: { programId } } })),
    retry: false,
  });
  const names = useMemo(() => new Map((projects.data ?? []).map((p) => [p.projectId, p.name])), [projects.data]);
  const overdueColumns: GridColDef<OverdueNotice>[] = [
    { field: 'noticedAt', headerName: 'When', width: 170, valueGetter: (_v, row) => row.noticedAt.slice(0, 16).replace('T', ' ') },
    { field: 'projectId', headerName: 'Project', flex: 1, valueGetter: (_v, row) => names.get(row.projectId) ?? row.projectId },
    { field: 'standardKey', headerName: 'Standard', flex: 1, valueGetter: (_v, row) => `${row.standardKey} ${row.version}` },
    { field: 'adoptionDeadline', headerName: 'Deadline missed', width: 150 },
  ];
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        Overdue adoptions
      </Typography>
      <ApiErrorAlert error={overdue.error} />
      <Box sx={{ height: 300 }}>
        <DataGrid
          aria-label="Overdue adoptions"
          rows={overdue.data ?? []}
          getRowId={(row) => `${row.projectId}/${row.versionId}`}
          columns={overdueColumns}
          loading={overdue.isFetching}
          disableRowSelectionOnClick
        />
      </Box>
      <Typography variant="h5" component="h2">
        Variance notices
      </Typography>
      <ApiErrorAlert error={variance.error} />
      <Box sx={{ height: 360 }}>
        <DataGrid aria-label="Variance notices" rows={variance.data ?? []} columns={varianceColumns} loading={variance.isFetching} disableRowSelectionOnClick />
      </Box>
    </Stack>
  );
}
