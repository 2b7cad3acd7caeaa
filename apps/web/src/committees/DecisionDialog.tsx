import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { COMMITTEES_KEY, type AgendaItem } from './committees-api';

type Choice =
  | { via: 'variance'; outcome: 'approved' | 'rejected'; label: string }
  | { via: 'feedback'; outcome: 'accepted' | 'declined'; label: string }
  | { via: 'priority'; outcome: 'approve' | 'refuse'; label: string }
  | { via: 'review'; outcome: 'confirm' | 'revoke'; label: string }
  | { via: 'resolution'; outcome: 'noted' | 'directed' | 'deferred'; label: string };

const RESOLUTIONS: Choice[] = [
  { via: 'resolution', outcome: 'noted', label: 'Noted (recorded only)' },
  { via: 'resolution', outcome: 'directed', label: 'Directed: an instruction to the program (recorded only)' },
  { via: 'resolution', outcome: 'deferred', label: 'Deferred to a later meeting (recorded only)' },
];

/** What the committee may decide on an item: the owner's own decision where it has one, a resolution always. */
function choicesFor(item: AgendaItem): Choice[] {
  if (item.source === 'late-variance')
    return [
      { via: 'variance', outcome: 'approved', label: 'Approve the variance' },
      { via: 'variance', outcome: 'rejected', label: 'Reject the variance' },
      ...RESOLUTIONS,
    ];
  if (item.source === 'variance-review')
    return [
      { via: 'review', outcome: 'confirm', label: 'Confirm the approval on its new ground' },
      { via: 'review', outcome: 'revoke', label: 'Revoke the approval' },
      ...RESOLUTIONS,
    ];
  if (item.subjectKind === 'feedback')
    return [
      { via: 'feedback', outcome: 'declined', label: 'Decline the feedback' },
      { via: 'feedback', outcome: 'accepted', label: 'Accept it for another revision' },
      ...RESOLUTIONS,
    ];
  if (item.subjectKind === 'priority')
    return [
      { via: 'priority', outcome: 'approve', label: 'Approve the priority change' },
      { via: 'priority', outcome: 'refuse', label: 'Refuse the priority change' },
      ...RESOLUTIONS,
    ];
  return RESOLUTIONS;
}

/** Records the committee's decision on one agenda item; a variance's, feedback's or priority change's is applied through its owner's rules. */
export function DecisionDialog({ committeeId, meetingId, item, onClose }: { committeeId: string; meetingId: string; item: AgendaItem; onClose: () => void }) {
  const pmo = usePmo();
  const client = useQueryClient();
  const choices = choicesFor(item);
  const [index, setIndex] = useState(0);
  const [reason, setReason] = useState('');
  const [revisionVersion, setRevisionVersion] = useState('');
  const choice = choices[index];
  const ids = { committeeId, meetingId };
  const record = useMutation({
    mutationFn: () => {
      if (choice.via === 'variance')
        return unwrap(
          pmo.strategic.POST('/committees/{committeeId}/meetings/{meetingId}/decisions/variances/{varianceId}', {
            params: { path: { ...ids, varianceId: item.subjectId } },
            body: { outcome: choice.outcome, reason },
          }),
        );
      if (choice.via === 'feedback')
        return unwrap(
          pmo.strategic.POST('/committees/{committeeId}/meetings/{meetingId}/decisions/feedback/{feedbackId}', {
            params: { path: { ...ids, feedbackId: item.subjectId } },
            body: choice.outcome === 'accepted' ? { outcome: 'accepted', revisionVersion, reason } : { outcome: 'declined', reason },
          }),
        );
      if (choice.via === 'review')
        return unwrap(
          pmo.strategic.POST('/committees/{committeeId}/meetings/{meetingId}/decisions/variance-reviews/{varianceId}', {
            params: { path: { ...ids, varianceId: item.subjectId } },
            body: { outcome: choice.outcome, reason },
          }),
        );
      if (choice.via === 'priority')
        return unwrap(
          pmo.strategic.POST('/committees/{committeeId}/meetings/{meetingId}/decisions/priorities/{requestId}', {
            params: { path: { ...ids, requestId: item.subjectId } },
            body: { outcome: choice.outcome, reason },
          }),
        );
      return unwrap(
        pmo.strategic.POST('/committees/{committeeId}/meetings/{meetingId}/resolutions', {
          params: { path: ids },
          body: { itemId: item.id, outcome: choice.outcome, reason },
        }),
      );
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: COMMITTEES_KEY });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="decision-title">
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate();
        }}
      >
        <DialogTitle id="decision-title">Record a decision</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography>{item.title}</Typography>
            <TextField select label="Decision" value={index} onChange={(e) => setIndex(Number(e.target.value))}>
              {choices.map((c, i) => (
                <MenuItem key={c.label} value={i}>
                  {c.label}
                </MenuItem>
              ))}
            </TextField>
            {choice.via === 'feedback' && choice.outcome === 'accepted' && (
              <TextField
                label="Revision version"
                value={revisionVersion}
                onChange={(e) => setRevisionVersion(e.target.value)}
                required
                helperText="A draft version of the same standard"
              />
            )}
            <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} required multiline minRows={2} />
            <ApiErrorAlert error={record.error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={record.isPending}>
            Record
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
