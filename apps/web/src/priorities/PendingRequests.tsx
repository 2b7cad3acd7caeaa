import { Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PRIORITIES_KEY, projectLabel, usePendingRequests } from './priorities-api';

/** The priority changes asked for and still pending, each with approve and refuse (the policy says who may). */
export function PendingRequests({ canDecide }: { canDecide: boolean }) {
  const pmo = usePmo();
  const client = useQueryClient();
  const pending = usePendingRequests();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: ({ id, outcome }: { id: string; outcome: 'approve' | 'refuse' }) =>
      unwrap(pmo.strategic.POST('/priorities/requests/{requestId}/decision', { params: { path: { requestId: id } }, body: { outcome, reason } })),
    onSuccess: () => client.invalidateQueries({ queryKey: PRIORITIES_KEY }),
  });
  const requests = pending.data ?? [];
  return (
    <Box component="section" aria-labelledby="requests-heading" sx={{ mt: 3 }}>
      <Typography id="requests-heading" variant="h6" component="h2">
        Priority changes asked for
      </Typography>
      <ApiErrorAlert error={pending.error ?? decide.error} />
      {requests.length === 0 ? (
        <Typography color="text.secondary">No change is waiting for a decision.</Typography>
      ) : (
        <Stack spacing={1}>
          {canDecide && <TextField label="Decision reason" size="small" value={reason} onChange={(e) => setReason(e.target.value)} sx={{ maxWidth: 480 }} />}
          <Table size="small" aria-label="Priority changes asked for">
            <TableHead>
              <TableRow>
                <TableCell>Project</TableCell>
                <TableCell>Ranking</TableCell>
                <TableCell>From → to</TableCell>
                <TableCell>Reason</TableCell>
                <TableCell>Outside the policy because</TableCell>
                <TableCell>Asked by</TableCell>
                {canDecide && <TableCell>Decision</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {requests.map((r) => (
                <TableRow key={r.id}>
                  <TableCell component="th" scope="row">{projectLabel({ code: r.projectCode, name: r.projectName, projectId: r.projectId })}</TableCell>
                  <TableCell>{r.scope}</TableCell>
                  <TableCell>{`${r.fromRank} → ${r.toRank}`}</TableCell>
                  <TableCell>{r.reason}</TableCell>
                  <TableCell>{r.outsidePolicy}</TableCell>
                  <TableCell>{`${r.askedByName}, ${r.askedAt.slice(0, 10)}`}</TableCell>
                  {canDecide && (
                    <TableCell>
                      <Stack direction="row" spacing={1}>
                        <Button size="small" variant="contained" disabled={!reason || decide.isPending} onClick={() => decide.mutate({ id: r.id, outcome: 'approve' })} aria-label={`Approve the change of ${r.projectName}`}>
                          Approve
                        </Button>
                        <Button size="small" disabled={!reason || decide.isPending} onClick={() => decide.mutate({ id: r.id, outcome: 'refuse' })} aria-label={`Refuse the change of ${r.projectName}`}>
                          Refuse
                        </Button>
                      </Stack>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Stack>
      )}
    </Box>
  );
}
