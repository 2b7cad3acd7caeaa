import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { ReasonDialog } from './ReasonDialog';
import { programKeys, useProgramProjects, type VarianceProposal } from './program-api';

/** Variances the program's projects proposed: forward one to the strategic PMO as the program's request, or reject it. */
export function ProposalsSection({ programId }: { programId: string }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const projects = useProgramProjects(programId);
  const proposals = useQuery({
    queryKey: programKeys.part(programId, 'proposals'),
    queryFn: () => unwrap(pmo.program.GET('/programs/{programId}/variance-proposals', { params: { path: { programId } } })),
    retry: false,
  });
  const [rejecting, setRejecting] = useState<VarianceProposal>();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: programKeys.all(programId) });
  const forward = useMutation({
    mutationFn: (proposalId: string) =>
      unwrap(pmo.program.POST('/programs/{programId}/variance-proposals/{proposalId}/forward', { params: { path: { programId, proposalId } } })),
    onSuccess: invalidate,
  });
  const reject = useMutation({
    mutationFn: ({ reason }: { reason: string; date: string }) =>
      unwrap(
        pmo.program.POST('/programs/{programId}/variance-proposals/{proposalId}/reject', {
          params: { path: { programId, proposalId: rejecting?.id ?? '' } },
          body: { reason },
        }),
      ),
    onSuccess: invalidate,
  });

  const names = useMemo(() => new Map((projects.data ?? []).map((p) => [p.projectId, p.name])), [projects.data]);
  const columns: GridColDef<VarianceProposal>[] = [
    { field: 'proposedAt', headerName: 'Proposed', width: 110, valueGetter: (_v, row) => row.proposedAt.slice(0, 10) },
    { field: 'projectId', headerName: 'Project', flex: 1, minWidth: 180, valueGetter: (_v, row) => names.get(row.projectId) ?? row.projectId },
    { field: 'proposedBy', headerName: 'By', width: 130 },
    { field: 'version', headerName: 'Version', width: 80 },
    {
      field: 'deviations',
      headerName: 'Deviations',
      flex: 1,
      minWidth: 160,
      sortable: false,
      valueGetter: (_v, row) =>
        row.requirementIds
          .map(
            (id) =>
              `${id}${row.deviations.some((d) => d.requirementId === id) ? ` = ${String(row.deviations.find((d) => d.requirementId === id)?.value)}` : ''}`,
          )
          .join(', '),
    },
    { field: 'justification', headerName: 'Justification', flex: 1.5, minWidth: 200 },
    { field: 'expiresOn', headerName: 'Until', width: 110 },
    {
      field: 'state',
      headerName: 'State',
      width: 110,
      renderCell: ({ row }) => (
        <Chip size="small" label={row.state} color={row.state === 'forwarded' ? 'success' : row.state === 'rejected' ? 'error' : 'default'} />
      ),
    },
    { field: 'answerReason', headerName: 'Answer', flex: 1, minWidth: 140, valueGetter: (_v, row) => row.answerReason ?? '' },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 180,
      sortable: false,
      renderCell: ({ row }) =>
        row.state === 'proposed' && (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <Button size="small" disabled={forward.isPending} onClick={() => forward.mutate(row.id)} aria-label={`Forward the proposal: ${row.justification}`}>
              Forward
            </Button>
            <Button size="small" color="error" onClick={() => setRejecting(row)} aria-label={`Reject the proposal: ${row.justification}`}>
              Reject
            </Button>
          </Box>
        ),
    },
  ];

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        Proposals from the program&apos;s projects
      </Typography>
      <ApiErrorAlert error={proposals.error ?? forward.error} />
      <Box sx={{ height: 480 }}>
        <DataGrid aria-label="Variance proposals" rows={proposals.data ?? []} columns={columns} loading={proposals.isFetching} disableRowSelectionOnClick />
      </Box>
      {rejecting && (
        <ReasonDialog
          title="Reject the proposal"
          action="Reject"
          reasonLabel="Why it is rejected (the project PMO sees this)"
          mutation={reject}
          onClose={() => {
            reject.reset();
            setRejecting(undefined);
          }}
        />
      )}
    </Stack>
  );
}
