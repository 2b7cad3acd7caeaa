import { Button, IconButton, List, ListItem, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { KIND_LABELS } from './roadmap-api';

const KINDS = ['milestone', 'go-live'] as const;

/** A project's milestones and go-lives, which the portfolio roadmap shows; added and removed here while the project is open. */
export function MilestonesSection({ projectId, closed }: { projectId: string; closed: boolean }) {
  const pmo = usePmo();
  const client = useQueryClient();
  const key = ['projects', projectId, 'milestones'];
  const milestones = useQuery({
    queryKey: key,
    queryFn: () => unwrap(pmo.project.GET('/projects/{projectId}/milestones', { params: { path: { projectId } } })),
  });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('milestone');
  const [dueOn, setDueOn] = useState('');
  const add = useMutation({
    mutationFn: () => unwrap(pmo.project.POST('/projects/{projectId}/milestones', { params: { path: { projectId } }, body: { name, kind, dueOn } })),
    onSuccess: async () => {
      setName('');
      setDueOn('');
      await client.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (milestoneId: string) =>
      unwrap(pmo.project.DELETE('/projects/{projectId}/milestones/{milestoneId}', { params: { path: { projectId, milestoneId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  const list = milestones.data ?? [];
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        Milestones and go-lives
      </Typography>
      <ApiErrorAlert error={milestones.error ?? add.error ?? remove.error} />
      {milestones.data && list.length === 0 && <Typography>No milestone is planned yet.</Typography>}
      <List dense aria-label="Milestones">
        {list.map((m) => (
          <ListItem
            key={m.id}
            disableGutters
            secondaryAction={
              closed ? undefined : (
                <IconButton aria-label={`Remove ${m.name}`} onClick={() => remove.mutate(m.id)}>
                  <DeleteIcon />
                </IconButton>
              )
            }
          >
            {m.dueOn} · {KIND_LABELS[m.kind] ?? m.kind} · {m.name}
          </ListItem>
        ))}
      </List>
      {!closed && (
        <Stack
          component="form"
          direction="row"
          spacing={2}
          aria-label="Plan a milestone"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <TextField label="Milestone" value={name} onChange={(e) => setName(e.target.value)} size="small" required sx={{ minWidth: 260 }} />
          <TextField select label="Kind" value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])} size="small" sx={{ minWidth: 150 }}>
            {KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {KIND_LABELS[k]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Due on"
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
            size="small"
            required
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button type="submit" variant="contained" disabled={add.isPending}>
            Add
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
