import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProjectPmoSchemas } from '@pmo/api-contracts/browser';
import { fieldErrorsOf, messagesAt, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { useSession } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';

type Project = ProjectPmoSchemas['schemas']['ProjectResponse'];
type Phase = Project['phase'];

const PHASES: Phase[] = ['initiation', 'planning', 'execution', 'closing'];

/** Invalidates what a change of the project changes: the project, its list and what depends on its phase. */
function useProjectChange<T>(run: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['projects'] }), client.invalidateQueries({ queryKey: ['my-work'] })]),
  });
}

function EditDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const pmo = usePmo();
  const [phase, setPhase] = useState<Phase>(project.phase);
  const [percent, setPercent] = useState(String(project.percentComplete));
  const [tags, setTags] = useState(project.tags.join(', '));
  const [startDate, setStartDate] = useState(project.startDate ?? '');
  const [endDate, setEndDate] = useState(project.endDate ?? '');
  const save = useProjectChange(() =>
    unwrap(
      pmo.project.PATCH('/projects/{projectId}', {
        params: { path: { projectId: project.id } },
        body: {
          phase,
          // A value that is not a number is sent as typed, so that the server names the field.
          percentComplete: (percent.trim() === '' || Number.isNaN(Number(percent)) ? percent : Number(percent)) as number,
          tags: tags
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
          ...(startDate ? { startDate } : {}),
          ...(endDate ? { endDate } : {}),
        },
      }),
    ),
  );
  const problems = fieldErrorsOf(save.error);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="edit-project-title">
      <DialogTitle id="edit-project-title">Edit {project.name}</DialogTitle>
      <DialogContent>
        <Stack
          spacing={2}
          sx={{ pt: 1 }}
          component="form"
          id="edit-project-form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(undefined, { onSuccess: onClose });
          }}
        >
          <TextField
            select
            label="Phase"
            value={phase}
            onChange={(e) => setPhase(e.target.value as Phase)}
            error={Boolean(messagesAt(problems, '/phase'))}
            helperText={messagesAt(problems, '/phase')}
          >
            {PHASES.map((p) => (
              <MenuItem key={p} value={p}>
                {p}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Percent complete"
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            error={Boolean(messagesAt(problems, '/percentComplete'))}
            helperText={messagesAt(problems, '/percentComplete')}
          />
          <TextField
            label="Tags (comma-separated)"
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            error={Boolean(messagesAt(problems, '/tags'))}
            helperText={messagesAt(problems, '/tags')}
          />
          <Stack direction="row" spacing={2}>
            <TextField
              label="Planned start"
              type="date"
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              error={Boolean(messagesAt(problems, '/startDate'))}
              helperText={messagesAt(problems, '/startDate')}
              sx={{ flex: 1 }}
            />
            <TextField
              label="Planned end"
              type="date"
              value={endDate}
              onChange={(e) => setEndDate(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              error={Boolean(messagesAt(problems, '/endDate'))}
              helperText={messagesAt(problems, '/endDate')}
              sx={{ flex: 1 }}
            />
          </Stack>
          <ApiErrorAlert error={save.error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" form="edit-project-form" variant="contained" disabled={save.isPending}>
          Save the project
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Edit and close, for the roles that change projects, while the project is open. Closing happens in one place,
 * the Close-out tab (with or without the post-implementation review): the button leads there.
 */
export function ProjectActions({ project, onClose }: { project: Project; onClose: () => void }) {
  const mayChange = hasAnyRole(useSession(), ['project-manager', 'program-manager', 'strategic-admin']);
  const [editing, setEditing] = useState(false);
  if (!mayChange || project.closedAt) return null;
  return (
    <Stack direction="row" spacing={1}>
      <Button variant="outlined" onClick={() => setEditing(true)}>
        Edit project
      </Button>
      <Button variant="outlined" color="error" onClick={onClose}>
        Close project
      </Button>
      {editing && <EditDialog project={project} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
