import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { ReasonDialog } from './ReasonDialog';
import { VarianceRequestDialog, draftOf, type VarianceDraft } from './VarianceRequestDialog';
import { programKeys, useProgramProjects, type VarianceRequest } from './program-api';

const OPEN = ['submitted', 'under-review'];
const APPROVED = ['approved', 'approved-with-conditions'];

type Action = { kind: 'withdraw' | 'renew'; request: VarianceRequest } | { kind: 'revise' | 'new'; request?: VarianceRequest; draft: VarianceDraft };

/** The program's variance requests and their decisions; new requests, withdrawals, revisions and renewals. */
export function VariancesSection({ programId }: { programId: string }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const projects = useProgramProjects(programId);
  const variances = useQuery({
    queryKey: programKeys.part(programId, 'variances'),
    queryFn: () => unwrap(pmo.program.GET('/programs/{programId}/variances', { params: { path: { programId } } })),
    retry: false,
  });
  const [action, setAction] = useState<Action>();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: programKeys.all(programId) });

  const withdraw = useMutation({
    mutationFn: ({ reason }: { reason: string; date: string }) =>
      unwrap(
        pmo.program.POST('/programs/{programId}/variances/{varianceId}/withdraw', {
          params: { path: { programId, varianceId: action?.request?.id ?? '' } },
          body: { reason },
        }),
      ),
    onSuccess: invalidate,
  });
  const renew = useMutation({
    mutationFn: ({ reason, date }: { reason: string; date: string }) =>
      unwrap(
        pmo.program.POST('/programs/{programId}/variances/{varianceId}/renewals', {
          params: { path: { programId, varianceId: action?.request?.id ?? '' } },
          body: { justification: reason, expiresOn: date },
        }),
      ),
    onSuccess: invalidate,
  });

  const names = useMemo(() => new Map((projects.data ?? []).map((p) => [p.projectId, p.name])), [projects.data]);
  const columns: GridColDef<VarianceRequest>[] = [
    { field: 'submittedAt', headerName: 'Submitted', width: 110, valueGetter: (_v, row) => row.submittedAt.slice(0, 10) },
    { field: 'version', headerName: 'Version', width: 80 },
    {
      field: 'deviations',
      headerName: 'Deviations',
      flex: 1,
      minWidth: 180,
      sortable: false,
      valueGetter: (_v, row) =>
        row.requirementIds
          .map(
            (id) =>
              `${id}${row.deviations.find((d) => d.requirementId === id) ? ` = ${String(row.deviations.find((d) => d.requirementId === id)?.value)}` : ' (waived)'}`,
          )
          .join(', '),
    },
    {
      field: 'projectIds',
      headerName: 'Projects',
      flex: 1,
      minWidth: 160,
      sortable: false,
      valueGetter: (_v, row) => row.projectIds.map((id) => names.get(id) ?? id).join(', '),
    },
    { field: 'justification', headerName: 'Justification', flex: 1.5, minWidth: 200 },
    { field: 'expiresOn', headerName: 'Expires', width: 110 },
    {
      field: 'state',
      headerName: 'State',
      width: 220,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
          <Chip size="small" label={row.state} color={APPROVED.includes(row.state) ? 'success' : row.state === 'rejected' ? 'error' : 'default'} />
          {row.late && <Chip size="small" label="late" color="error" variant="outlined" />}
          {row.conditionsOverdue && <Chip size="small" label="conditions overdue" color="error" variant="outlined" />}
          {row.needsReview && <Chip size="small" label="needs review" color="error" variant="outlined" />}
          {row.renewals.some((r) => r.state === 'submitted') && <Chip size="small" label="renewal asked" variant="outlined" />}
        </Stack>
      ),
    },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 130,
      sortable: false,
      renderCell: ({ row }) => (
        <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
          {OPEN.includes(row.state) && (
            <Button size="small" onClick={() => setAction({ kind: 'withdraw', request: row })} aria-label={`Withdraw the request: ${row.justification}`}>
              Withdraw
            </Button>
          )}
          {row.state === 'rejected' && (
            <Button
              size="small"
              onClick={() => setAction({ kind: 'revise', request: row, draft: draftOf(row) })}
              aria-label={`Revise the request: ${row.justification}`}
            >
              Revise
            </Button>
          )}
          {APPROVED.includes(row.state) && (
            <Button size="small" onClick={() => setAction({ kind: 'renew', request: row })} aria-label={`Renew the approval: ${row.justification}`}>
              Renew
            </Button>
          )}
        </Box>
      ),
    },
    { field: 'decisionReason', headerName: 'Decision', flex: 1, minWidth: 160, valueGetter: (_v, row) => row.decisionReason ?? '' },
    {
      field: 'conditions',
      headerName: 'Conditions',
      flex: 1,
      minWidth: 160,
      sortable: false,
      valueGetter: (_v, row) => row.conditions.map((c) => `${c.text} (due ${c.dueOn}${c.metAt ? ', met' : ''})`).join('; '),
    },
    {
      field: 'renewals',
      headerName: 'Renewals',
      width: 150,
      sortable: false,
      valueGetter: (_v, row) => row.renewals.map((r) => `to ${r.expiresOn}: ${r.state}`).join('; '),
    },
  ];

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          Variance requests
        </Typography>
        <Button variant="contained" onClick={() => setAction({ kind: 'new', draft: {} })}>
          New variance request
        </Button>
      </Stack>
      <ApiErrorAlert error={variances.error} />
      <Box sx={{ height: 480 }}>
        <DataGrid aria-label="Variance requests" rows={variances.data ?? []} columns={columns} loading={variances.isFetching} disableRowSelectionOnClick />
      </Box>
      {(action?.kind === 'new' || action?.kind === 'revise') && (
        <VarianceRequestDialog programId={programId} draft={action.draft} revisionOf={action.request?.id} onClose={() => setAction(undefined)} />
      )}
      {action?.kind === 'withdraw' && (
        <ReasonDialog
          title="Withdraw the variance request"
          action="Withdraw"
          reasonLabel="Why it is withdrawn"
          mutation={withdraw}
          onClose={() => {
            withdraw.reset();
            setAction(undefined);
          }}
        />
      )}
      {action?.kind === 'renew' && (
        <ReasonDialog
          title="Ask to renew the approval"
          action="Ask for the renewal"
          reasonLabel="Justification"
          withDate={{ label: 'New end date', initial: action.request.expiresOn }}
          mutation={renew}
          onClose={() => {
            renew.reset();
            setAction(undefined);
          }}
        />
      )}
    </Stack>
  );
}
