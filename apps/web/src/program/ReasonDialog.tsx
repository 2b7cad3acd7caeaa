import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorAlert } from '../components/ApiErrorAlert';

/**
 * A small confirmation form for an action that needs a reason (reject, withdraw) and, for a renewal, a date.
 * The mutation runs with what was typed; its refusal shows in the dialog.
 */
export function ReasonDialog<T>({
  title,
  action,
  reasonLabel,
  withDate,
  mutation,
  onClose,
}: {
  title: string;
  action: string;
  reasonLabel: string;
  withDate?: { label: string; initial: string };
  mutation: UseMutationResult<T, Error, { reason: string; date: string }>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(withDate?.initial ?? '');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="reason-dialog-title">
      <DialogTitle id="reason-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {withDate && (
            <TextField
              label={withDate.label}
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              required
            />
          )}
          <TextField label={reasonLabel} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} required />
          <ApiErrorAlert error={mutation.error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={mutation.isPending} onClick={() => mutation.mutate({ reason, date }, { onSuccess: onClose })}>
          {action}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
