import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Link, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ProjectPmoSchemas } from '@pmo/api-contracts/browser';
import { fieldErrorsOf, messagesAt, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';

type Requirement = ProjectPmoSchemas['schemas']['ProjectRequirementResponse'];
type Implementation = Requirement['implementation'];
const STATUSES: Implementation[] = ['not-started', 'in-progress', 'implemented', 'not-applicable'];

/** The requirements in force for the project, with how far each is implemented and the evidence. */
export function RequirementsSection({ projectId }: { projectId: string }) {
  const pmo = usePmo();
  const [editing, setEditing] = useState<Requirement>();
  const requirements = useQuery({
    queryKey: ['projects', projectId, 'requirements'],
    queryFn: () => unwrap(pmo.project.GET('/projects/{projectId}/requirements', { params: { path: { projectId } } })),
  });
  const columns = useMemo<GridColDef<Requirement>[]>(
    () => [
      { field: 'requirementId', headerName: 'Requirement', width: 150 },
      { field: 'text', headerName: 'Text', flex: 2 },
      { field: 'standardKey', headerName: 'Standard', flex: 1, valueGetter: (_value, row) => `${row.standardKey} ${row.version}` },
      { field: 'level', headerName: 'Level', width: 110 },
      { field: 'adoptionDeadline', headerName: 'Deadline', width: 115 },
      {
        field: 'implementation',
        headerName: 'Implementation',
        width: 140,
        renderCell: ({ row }) => <Chip size="small" label={row.implementation} color={row.implementation === 'implemented' ? 'success' : 'default'} />,
      },
      {
        field: 'evidenceLinks',
        headerName: 'Evidence',
        flex: 1,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', height: '100%', overflow: 'hidden' }}>
            {row.evidenceLinks.map((href) => (
              <Link key={href} href={href} target="_blank" rel="noreferrer">
                {href}
              </Link>
            ))}
          </Stack>
        ),
      },
      {
        field: 'actions',
        headerName: 'Status',
        width: 130,
        sortable: false,
        renderCell: ({ row }) => (
          <Button size="small" onClick={() => setEditing(row)} aria-label={`Set the status of ${row.requirementId}`}>
            Set status
          </Button>
        ),
      },
    ],
    [],
  );
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        Requirements in force
      </Typography>
      <ApiErrorAlert error={requirements.error} />
      <Box sx={{ height: 420 }}>
        <DataGrid
          aria-label="Requirements"
          rows={requirements.data ?? []}
          getRowId={(row) => `${row.versionId}:${row.requirementId}`}
          columns={columns}
          loading={requirements.isFetching}
          disableRowSelectionOnClick
        />
      </Box>
      {editing && <StatusDialog projectId={projectId} requirement={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

function StatusDialog({ projectId, requirement, onClose }: { projectId: string; requirement: Requirement; onClose: () => void }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Implementation>(requirement.implementation);
  const [links, setLinks] = useState(requirement.evidenceLinks.join('\n'));
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => {
      const evidenceLinks = links
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      return unwrap(
        pmo.project.PUT('/projects/{projectId}/requirements/{requirementId}/status', {
          params: { path: { projectId, requirementId: requirement.requirementId } },
          body: { versionId: requirement.versionId, status, evidenceLinks, ...(reason.trim() ? { reason: reason.trim() } : {}) },
        }),
      );
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'requirements'] });
      onClose();
    },
  });
  const fieldErrors = fieldErrorsOf(save.error);
  const linksError = messagesAt(fieldErrors, '/evidenceLinks');
  const reasonError = messagesAt(fieldErrors, '/reason');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Implementation of {requirement.requirementId}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography>{requirement.text}</Typography>
          <TextField select label="Implementation status" value={status} onChange={(e) => setStatus(e.target.value as Implementation)}>
            {STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Evidence links"
            multiline
            minRows={2}
            value={links}
            onChange={(e) => setLinks(e.target.value)}
            error={Boolean(linksError)}
            helperText={linksError ?? 'One link per line (http, https or ftp)'}
          />
          <TextField
            label="Reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={Boolean(reasonError)}
            helperText={reasonError ?? 'Required when the requirement does not apply'}
          />
          <ApiErrorAlert error={save.error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => save.mutate()} disabled={save.isPending}>
          Save status
        </Button>
      </DialogActions>
    </Dialog>
  );
}
