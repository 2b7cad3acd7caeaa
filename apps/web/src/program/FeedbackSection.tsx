import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProgramPmoSchemas } from '@pmo/api-contracts/browser';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { programKeys, useProgramStandards } from './program-api';

type Feedback = ProgramPmoSchemas['schemas']['ProgramFeedbackResponse'];
const CATEGORIES = ['unclear', 'insufficient', 'conflicts-with-regulation', 'tooling', 'other'] as const;

const columns: GridColDef<Feedback>[] = [
  { field: 'submittedAt', headerName: 'Sent', width: 110, valueGetter: (_v, row) => row.submittedAt.slice(0, 10) },
  { field: 'version', headerName: 'Version', width: 80 },
  { field: 'category', headerName: 'Category', width: 180 },
  { field: 'text', headerName: 'Feedback', flex: 2, minWidth: 240 },
  { field: 'about', headerName: 'About', width: 140, sortable: false, valueGetter: (_v, row) => row.about.join(', ') },
  { field: 'state', headerName: 'State', width: 150 },
  {
    field: 'triageReason',
    headerName: 'Answer',
    flex: 1.5,
    minWidth: 200,
    valueGetter: (_v, row) => [row.triageReason, row.revisionVersion ? `(in ${row.revisionVersion})` : ''].filter(Boolean).join(' '),
  },
];

/** Feedback on standards sent up to the strategic PMO, with its answers; and the form to send more. */
export function FeedbackSection({ programId }: { programId: string }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const standards = useProgramStandards(programId);
  const feedback = useQuery({
    queryKey: programKeys.part(programId, 'feedback'),
    queryFn: () => unwrap(pmo.program.GET('/programs/{programId}/feedback', { params: { path: { programId } } })),
    retry: false,
  });
  const [versionId, setVersionId] = useState('');
  const [category, setCategory] = useState<(typeof CATEGORIES)[number]>('unclear');
  const [text, setText] = useState('');
  const [about, setAbout] = useState('');
  // One key per feedback being written: a retry after a lost answer is not sent twice.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.program.POST('/programs/{programId}/feedback', {
          params: { path: { programId }, header: { 'idempotency-key': idempotencyKey } },
          body: {
            versionId,
            category,
            text,
            about: about
              .split(',')
              .map((a) => a.trim())
              .filter(Boolean),
          },
        }),
      ),
    onSuccess: async () => {
      setText('');
      setAbout('');
      setIdempotencyKey(crypto.randomUUID());
      await queryClient.invalidateQueries({ queryKey: programKeys.part(programId, 'feedback') });
    },
  });
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        Feedback to the strategic PMO
      </Typography>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="feedback-form-heading">
        <Typography id="feedback-form-heading" variant="h6" component="h3" sx={{ mb: 2 }}>
          Send feedback
        </Typography>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
            <TextField select label="Standard version" value={versionId} onChange={(e) => setVersionId(e.target.value)} sx={{ minWidth: 260 }} required>
              {(standards.data ?? []).map((s) => (
                <MenuItem key={s.versionId} value={s.versionId}>
                  {s.key} {s.version}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Category"
              value={category}
              onChange={(e) => setCategory(e.target.value as (typeof CATEGORIES)[number])}
              sx={{ minWidth: 240 }}
            >
              {CATEGORIES.map((c) => (
                <MenuItem key={c} value={c}>
                  {c}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label="About (requirement ids or key tasks, comma-separated)"
              value={about}
              onChange={(e) => setAbout(e.target.value)}
              sx={{ minWidth: 360 }}
            />
          </Stack>
          <TextField label="Feedback" value={text} onChange={(e) => setText(e.target.value)} multiline minRows={3} required />
          <Box>
            <Button variant="contained" disabled={send.isPending} onClick={() => send.mutate()}>
              Send feedback
            </Button>
          </Box>
          {send.isSuccess && (
            <Alert severity="success" role="status">
              Your feedback was sent to the strategic PMO.
            </Alert>
          )}
          <ApiErrorAlert error={send.error} />
        </Stack>
      </Paper>
      <ApiErrorAlert error={feedback.error} />
      <Box sx={{ height: 420 }}>
        <DataGrid aria-label="Feedback" rows={feedback.data ?? []} columns={columns} loading={feedback.isFetching} disableRowSelectionOnClick />
      </Box>
    </Stack>
  );
}
