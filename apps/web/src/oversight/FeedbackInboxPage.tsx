import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { useSession } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { SelectFilter } from '../components/SelectFilter';
import { programLabel, usePrograms, useStandards, when } from './names';
import { RefusalAlert } from './RefusalAlert';

type Feedback = StrategicPmoSchemas['schemas']['FeedbackItemResponse'];
type Outcome = 'accepted' | 'declined' | 'resolved-by-variance';
const STATES = ['submitted', 'accepted', 'declined', 'resolved-by-variance', 'closed'] as const;
const CATEGORIES = ['unclear', 'insufficient', 'conflicts-with-regulation', 'tooling', 'other'] as const;

interface Row extends Feedback {
  programLabel: string;
  standardLabel: string;
}

/** The triage of one feedback item: accepted for a planned revision, declined with a reason, or answered by a variance. */
function TriageDialog({ item, onClose }: { item: Row; onClose: () => void }) {
  const pmo = usePmo();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>('accepted');
  const [reason, setReason] = useState('');
  const [revisionVersion, setRevisionVersion] = useState('');
  const [varianceId, setVarianceId] = useState('');
  // The variances that can answer it: the same program and standard.
  const variances = useQuery({ queryKey: ['variances'], queryFn: () => unwrap(pmo.strategic.GET('/variances')) });
  const candidates = (variances.data ?? []).filter((v) => v.programId === item.programId && v.standardId === item.standardId);
  const triage = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.strategic.POST('/feedback/{feedbackId}/triage', {
          params: { path: { feedbackId: item.id } },
          body: {
            outcome,
            ...(reason ? { reason } : {}),
            ...(outcome === 'accepted' ? { revisionVersion } : {}),
            ...(outcome === 'resolved-by-variance' ? { varianceId } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['feedback'] });
      onClose();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="triage-title">
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          triage.mutate();
        }}
      >
        <DialogTitle id="triage-title">Triage feedback on {item.standardLabel}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Box>
              &ldquo;{item.text}&rdquo; ({item.submittedByName})
            </Box>
            <TextField select label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
              <MenuItem value="accepted">Accepted: a planned revision takes it up</MenuItem>
              <MenuItem value="declined">Declined</MenuItem>
              <MenuItem value="resolved-by-variance">Resolved by a variance</MenuItem>
            </TextField>
            {outcome === 'accepted' && (
              <TextField
                label="Planned revision (version)"
                value={revisionVersion}
                onChange={(e) => setRevisionVersion(e.target.value)}
                required
                helperText="A draft version of the same standard, e.g. 1.1.0"
              />
            )}
            {outcome === 'resolved-by-variance' && (
              <TextField select label="Variance that answers it" value={varianceId} onChange={(e) => setVarianceId(e.target.value)} required>
                {candidates.map((v) => (
                  <MenuItem key={v.id} value={v.id}>
                    {`${v.requirementIds.join(', ')}: ${v.state}, ends ${v.expiresOn}`}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <TextField
              label={outcome === 'declined' ? 'Reason' : 'Reason (optional)'}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required={outcome === 'declined'}
              multiline
              minRows={2}
            />
            <RefusalAlert error={triage.error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={triage.isPending}>
            Record the triage
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

/** Feedback from the programs on the standards, newest first, for the strategic PMO to triage. */
export default function FeedbackInboxPage() {
  const pmo = usePmo();
  const session = useSession();
  const canTriage = hasAnyRole(session, ['strategic-reviewer', 'strategic-admin']);
  const programs = usePrograms();
  const standards = useStandards();
  const [state, setState] = useState<string>('submitted');
  const [category, setCategory] = useState('');
  const [search, setSearch] = useState('');
  const [triaging, setTriaging] = useState<Row | null>(null);
  const feedback = useQuery({ queryKey: ['feedback'], queryFn: () => unwrap(pmo.strategic.GET('/feedback')) });
  const rows = useMemo<Row[]>(
    () =>
      (feedback.data ?? [])
        .filter((f) => (!state || f.state === state) && (!category || f.category === category))
        .filter((f) => !search || `${f.text} ${f.submittedByName} ${f.about.join(' ')}`.toLowerCase().includes(search.toLowerCase()))
        .map((f) => ({
          ...f,
          programLabel: programLabel(programs.byId, f.programId),
          standardLabel: `${standards.byId.get(f.standardId)?.key ?? 'standard'} ${f.version}`,
        })),
    [feedback.data, state, category, search, programs.byId, standards.byId],
  );
  const columns: GridColDef<Row>[] = [
    { field: 'submittedAt', headerName: 'Sent', width: 170, valueFormatter: (value: string) => when(value) },
    { field: 'standardLabel', headerName: 'Standard', width: 190 },
    { field: 'programLabel', headerName: 'Program', width: 200 },
    { field: 'category', headerName: 'Category', width: 150, type: 'singleSelect', valueOptions: [...CATEGORIES] },
    { field: 'text', headerName: 'Feedback', flex: 2, minWidth: 220 },
    { field: 'about', headerName: 'About', width: 130, valueGetter: (_v, row) => row.about.join(', ') },
    { field: 'submittedByName', headerName: 'From', width: 140 },
    {
      field: 'originProjectId',
      headerName: 'Origin',
      width: 170,
      // A lesson of a closed project's review links back to the project it was learned in.
      renderCell: ({ row }) =>
        row.originProjectId ? <Link to={`/projects/${row.originProjectId}`}>{`Lesson of a closed project`}</Link> : 'Program',
    },
    { field: 'state', headerName: 'State', width: 170 },
    {
      field: 'triage',
      headerName: 'Triage',
      width: 220,
      sortable: false,
      filterable: false,
      renderCell: ({ row }) =>
        row.state === 'submitted' && canTriage ? (
          <Button size="small" variant="outlined" onClick={() => setTriaging(row)} aria-label={`Triage: ${row.text}`}>
            Triage
          </Button>
        ) : (
          (row.triageReason ?? row.revisionVersion ?? '')
        ),
    },
  ];
  return (
    <>
      <PageHeader title="Feedback inbox" subtitle="What the programs say about the standards: accept it for a revision, decline it, or point to a variance." />
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        <TextField label="Search" value={search} onChange={(e) => setSearch(e.target.value)} size="small" />
        <SelectFilter label="State" allLabel="All states" options={STATES} value={state} onChange={setState} minWidth={200} />
        <SelectFilter label="Category" allLabel="All categories" options={CATEGORIES} value={category} onChange={setCategory} minWidth={220} />
      </Stack>
      <ApiErrorAlert error={feedback.error} />
      <Box sx={{ height: 600 }}>
        <DataGrid aria-label="Feedback" rows={rows} columns={columns} loading={feedback.isFetching} disableRowSelectionOnClick getRowHeight={() => 'auto'} />
      </Box>
      {triaging && <TriageDialog item={triaging} onClose={() => setTriaging(null)} />}
    </>
  );
}
