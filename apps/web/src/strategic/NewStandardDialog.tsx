import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrorsOf, messagesAt, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';

const KINDS = ['standard', 'methodology', 'report-format', 'tool'] as const;

/** Adds a standard to the catalog, then opens its page to draft its first version. */
export function NewStandardDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const pmo = usePmo();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ key: '', title: '', kind: 'standard' as (typeof KINDS)[number], owner: 'PMO Centre of Excellence', tags: '' });
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.strategic.POST('/standards', {
          body: {
            key: form.key,
            title: form.title,
            kind: form.kind,
            owner: form.owner,
            tags: form.tags
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
          },
        }),
      ),
    onSuccess: async (standard) => {
      await queryClient.invalidateQueries({ queryKey: ['standards'] });
      onClose();
      void navigate(`/standards/${standard.id}`);
    },
  });
  const problems = fieldErrorsOf(create.error);
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    error: Boolean(messagesAt(problems, `/${name}`)),
    helperText: messagesAt(problems, `/${name}`),
    fullWidth: true,
  });
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="new-standard-title" fullWidth maxWidth="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <DialogTitle id="new-standard-title">New standard</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label="Key" required {...field('key')} helperText={messagesAt(problems, '/key') ?? 'a slug: lower case letters, digits and dashes'} />
            <TextField label="Title" required {...field('title')} />
            <TextField select label="Kind" {...field('kind')}>
              {KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {k}
                </MenuItem>
              ))}
            </TextField>
            <TextField label="Owner" required {...field('owner')} />
            <TextField label="Tags" {...field('tags')} helperText={messagesAt(problems, '/tags') ?? 'comma-separated'} />
            <ApiErrorAlert error={create.error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={create.isPending}>
            Create standard
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
