import {
  Box,
  Button,
  Checkbox,
  Chip,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ProjectPmoSchemas } from '@pmo/api-contracts/browser';
import { fieldErrorsOf, messagesAt, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';

type Proposal = ProjectPmoSchemas['schemas']['VarianceProposalResponse'];
type Requirement = ProjectPmoSchemas['schemas']['ProjectRequirementResponse'];
const SCALE = [1, 2, 3, 4, 5];

const columns: GridColDef<Proposal>[] = [
  { field: 'proposedAt', headerName: 'Proposed', width: 120, valueGetter: (_value, row) => row.proposedAt.slice(0, 10) },
  { field: 'requirementIds', headerName: 'Requirements', flex: 1, valueGetter: (_value, row) => `${row.requirementIds.join(', ')} (${row.version})` },
  { field: 'justification', headerName: 'Justification', flex: 2 },
  { field: 'expiresOn', headerName: 'Until', width: 115 },
  {
    field: 'state',
    headerName: 'State',
    width: 120,
    renderCell: ({ row }) => <Chip size="small" label={row.state} color={row.state === 'rejected' ? 'warning' : 'default'} />,
  },
  { field: 'varianceState', headerName: 'Variance', width: 150, valueGetter: (_value, row) => row.varianceState ?? '' },
  { field: 'answerReason', headerName: 'Program answer', flex: 1, valueGetter: (_value, row) => row.answerReason ?? '' },
];

/** The project's variance proposals to its program PMO, and a new one. */
export function VarianceProposalsSection({ projectId }: { projectId: string }) {
  const pmo = usePmo();
  const proposals = useQuery({
    queryKey: ['projects', projectId, 'variance-proposals'],
    queryFn: () => unwrap(pmo.project.GET('/projects/{projectId}/variance-proposals', { params: { path: { projectId } } })),
  });
  const requirements = useQuery({
    queryKey: ['projects', projectId, 'requirements'],
    queryFn: () => unwrap(pmo.project.GET('/projects/{projectId}/requirements', { params: { path: { projectId } } })),
  });
  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          Variance proposals
        </Typography>
        <ApiErrorAlert error={proposals.error} />
        <Box sx={{ height: 320 }}>
          <DataGrid aria-label="Variance proposals" rows={proposals.data ?? []} columns={columns} loading={proposals.isFetching} disableRowSelectionOnClick />
        </Box>
      </Box>
      <ApiErrorAlert error={requirements.error} />
      {requirements.data && <NewProposal projectId={projectId} requirements={requirements.data} />}
    </Stack>
  );
}

function NewProposal({ projectId, requirements }: { projectId: string; requirements: Requirement[] }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const versions = useMemo(() => [...new Map(requirements.map((r) => [r.versionId, `${r.standardKey} ${r.version}`])).entries()], [requirements]);
  const [versionId, setVersionId] = useState(versions[0]?.[0] ?? '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [justification, setJustification] = useState('');
  const [likelihood, setLikelihood] = useState(2);
  const [impact, setImpact] = useState(2);
  const [expiresOn, setExpiresOn] = useState('');
  const [controls, setControls] = useState('');
  // One key per proposal being written: a retry of the same one never files it twice.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [sent, setSent] = useState(false);
  const inVersion = requirements.filter((r) => r.versionId === versionId);

  const send = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.project.POST('/projects/{projectId}/variance-proposals', {
          params: { path: { projectId }, header: { 'idempotency-key': idempotencyKey } },
          body: {
            versionId,
            requirementIds: chosen,
            deviations: chosen.filter((id) => values[id]?.trim()).map((id) => ({ requirementId: id, value: asValue(values[id]) })),
            justification,
            risk: { likelihood, impact },
            expiresOn,
            compensatingControls: controls
              .split('\n')
              .map((c) => c.trim())
              .filter(Boolean),
          },
        }),
      ),
    onSuccess: async () => {
      setChosen([]);
      setValues({});
      setJustification('');
      setExpiresOn('');
      setControls('');
      setIdempotencyKey(crypto.randomUUID());
      setSent(true);
      await queryClient.invalidateQueries({ queryKey: ['projects', projectId, 'variance-proposals'] });
    },
  });
  const errors = fieldErrorsOf(send.error);
  const at = (pointer: string) => messagesAt(errors, pointer);

  if (versions.length === 0) return <Typography>No requirement applies to this project yet, so there is nothing to propose a variance from.</Typography>;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="new-proposal">
      <Typography variant="h6" component="h2" id="new-proposal" sx={{ mb: 2 }}>
        Propose a variance
      </Typography>
      <Stack
        spacing={2}
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          setSent(false);
          send.mutate();
        }}
      >
        <TextField
          select
          label="Standard version"
          value={versionId}
          onChange={(e) => {
            setVersionId(e.target.value);
            setChosen([]);
          }}
          error={Boolean(at('/versionId'))}
          helperText={at('/versionId')}
        >
          {versions.map(([id, label]) => (
            <MenuItem key={id} value={id}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        <FormControl component="fieldset" error={Boolean(at('/requirementIds') ?? at('/deviations'))}>
          <FormLabel component="legend">Requirements to deviate from</FormLabel>
          <FormGroup>
            {inVersion.map((r) => (
              <Stack key={r.requirementId} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={chosen.includes(r.requirementId)}
                      onChange={(e) => setChosen((now) => (e.target.checked ? [...now, r.requirementId] : now.filter((id) => id !== r.requirementId)))}
                    />
                  }
                  label={`${r.requirementId}: ${r.text}`}
                />
                {r.leeway && chosen.includes(r.requirementId) && (
                  <TextField
                    size="small"
                    label={`Value asked for ${r.requirementId}`}
                    value={values[r.requirementId] ?? ''}
                    onChange={(e) => setValues((now) => ({ ...now, [r.requirementId]: e.target.value }))}
                    helperText="Empty: waived while approved"
                  />
                )}
              </Stack>
            ))}
          </FormGroup>
          <FormHelperText>
            {at('/requirementIds') ?? at('/deviations') ?? 'A listed requirement without a value is waived while the approval holds.'}
          </FormHelperText>
        </FormControl>
        <TextField
          label="Justification"
          required
          multiline
          minRows={2}
          value={justification}
          onChange={(e) => setJustification(e.target.value)}
          error={Boolean(at('/justification'))}
          helperText={at('/justification')}
        />
        <Stack direction="row" spacing={2}>
          <TextField
            select
            label="Likelihood"
            value={likelihood}
            onChange={(e) => setLikelihood(Number(e.target.value))}
            sx={{ minWidth: 140 }}
            error={Boolean(at('/risk/likelihood'))}
            helperText={at('/risk/likelihood')}
          >
            {SCALE.map((n) => (
              <MenuItem key={n} value={n}>
                {n}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="Impact"
            value={impact}
            onChange={(e) => setImpact(Number(e.target.value))}
            sx={{ minWidth: 140 }}
            error={Boolean(at('/risk/impact'))}
            helperText={at('/risk/impact')}
          >
            {SCALE.map((n) => (
              <MenuItem key={n} value={n}>
                {n}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Until"
            type="date"
            required
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            error={Boolean(at('/expiresOn'))}
            helperText={at('/expiresOn')}
          />
        </Stack>
        <TextField
          label="Compensating controls"
          multiline
          minRows={2}
          value={controls}
          onChange={(e) => setControls(e.target.value)}
          helperText={at('/compensatingControls') ?? 'One per line'}
          error={Boolean(at('/compensatingControls'))}
        />
        <ApiErrorAlert error={send.error} />
        {sent && !send.error && <Typography role="status">The proposal was sent to the program PMO.</Typography>}
        <Box>
          <Button type="submit" variant="contained" disabled={send.isPending}>
            Send proposal
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
}

/** A number when the value is one (a range), else the option asked. */
function asValue(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}
