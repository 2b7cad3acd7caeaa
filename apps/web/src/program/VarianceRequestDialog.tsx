import { Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { dayFromNow, describeLeeway, programKeys, requirementsOf, useProgramProjects, useProgramStandards, type VarianceRequest } from './program-api';

/** What the form starts from: a refused tailoring (requirement and value), or a rejected request being revised. */
export interface VarianceDraft {
  versionId?: string;
  projectIds?: string[];
  deviations?: { requirementId: string; value: string }[];
  justification?: string;
  likelihood?: number;
  impact?: number;
  compensatingControls?: string[];
  expiresOn?: string;
}

export function draftOf(request: VarianceRequest): VarianceDraft {
  const valued = new Map(request.deviations.map((d) => [d.requirementId, String(d.value)]));
  return {
    versionId: request.versionId,
    projectIds: request.projectIds,
    deviations: request.requirementIds.map((id) => ({ requirementId: id, value: valued.get(id) ?? '' })),
    justification: request.justification,
    likelihood: request.likelihood,
    impact: request.impact,
    compensatingControls: request.compensatingControls,
  };
}

const SCORES = [1, 2, 3, 4, 5];

/**
 * The variance request form: the version, the projects, per requirement the value asked outside its leeway
 * (left empty, the requirement is waived), the justification, the risk, compensating controls and the end date.
 * Submits a new request, or (with `revisionOf`) a revision of a rejected one.
 */
export function VarianceRequestDialog({
  programId,
  draft,
  revisionOf,
  onClose,
}: {
  programId: string;
  draft: VarianceDraft;
  revisionOf?: string;
  onClose: (created?: string) => void;
}) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const standards = useProgramStandards(programId);
  const projects = useProgramProjects(programId);
  const inForce = (standards.data ?? []).filter((s) => s.inForce);
  const [versionId, setVersionId] = useState(draft.versionId ?? '');
  const [projectIds, setProjectIds] = useState<string[]>(draft.projectIds ?? []);
  const [deviations, setDeviations] = useState(draft.deviations?.length ? draft.deviations : [{ requirementId: '', value: '' }]);
  const [justification, setJustification] = useState(draft.justification ?? '');
  const [likelihood, setLikelihood] = useState(draft.likelihood ?? 2);
  const [impact, setImpact] = useState(draft.impact ?? 2);
  const [controls, setControls] = useState((draft.compensatingControls ?? []).join('\n'));
  const [expiresOn, setExpiresOn] = useState(draft.expiresOn ?? dayFromNow(90));
  // One key per request being written (the dialog): a retry after a lost answer is not submitted twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const requirements = requirementsOf(inForce.find((s) => s.versionId === versionId));

  const submit = useMutation({
    mutationFn: () => {
      const listed = deviations.filter((d) => d.requirementId);
      const body = {
        versionId,
        projectIds,
        requirementIds: [...new Set(listed.map((d) => d.requirementId))],
        deviations: listed
          .filter((d) => d.value.trim() !== '')
          .map((d) => {
            const numeric = requirements.find((r) => r.id === d.requirementId)?.leeway?.kind === 'range';
            return { requirementId: d.requirementId, value: numeric ? Number(d.value) : d.value.trim() };
          }),
        justification,
        risk: { likelihood, impact },
        compensatingControls: controls
          .split('\n')
          .map((c) => c.trim())
          .filter(Boolean),
        expiresOn,
      };
      return revisionOf
        ? unwrap(
            pmo.program.POST('/programs/{programId}/variances/{varianceId}/revisions', {
              params: { path: { programId, varianceId: revisionOf }, header: { 'idempotency-key': idempotencyKey } },
              body,
            }),
          )
        : unwrap(pmo.program.POST('/programs/{programId}/variances', { params: { path: { programId }, header: { 'idempotency-key': idempotencyKey } }, body }));
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: programKeys.all(programId) });
      onClose(created.id);
    },
  });
  const setDeviation = (index: number, change: Partial<{ requirementId: string; value: string }>) =>
    setDeviations((all) => all.map((d, i) => (i === index ? { ...d, ...change } : d)));

  return (
    <Dialog open onClose={() => onClose()} maxWidth="md" fullWidth aria-labelledby="variance-dialog-title">
      <DialogTitle id="variance-dialog-title">{revisionOf ? 'Revise the variance request' : 'Request a variance'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField select label="Standard version" value={versionId} onChange={(e) => setVersionId(e.target.value)} required>
            {inForce.map((s) => (
              <MenuItem key={s.versionId} value={s.versionId}>
                {s.key} {s.version}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="Projects"
            value={projectIds}
            onChange={(e) => setProjectIds(typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as string[]))}
            slotProps={{ select: { multiple: true } }}
            required
          >
            {(projects.data ?? []).map((p) => (
              <MenuItem key={p.projectId} value={p.projectId}>
                {p.name}
              </MenuItem>
            ))}
          </TextField>
          <Typography variant="subtitle1" component="h3">
            Deviations (leave the value empty to waive the requirement)
          </Typography>
          {deviations.map((d, index) => {
            const leeway = requirements.find((r) => r.id === d.requirementId)?.leeway;
            return (
              <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <TextField
                  select
                  label={`Requirement ${index + 1}`}
                  value={d.requirementId}
                  onChange={(e) => setDeviation(index, { requirementId: e.target.value })}
                  sx={{ minWidth: 240 }}
                >
                  {requirements.map((r) => (
                    <MenuItem key={r.id} value={r.id}>
                      {r.id}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  label={`Value asked ${index + 1}`}
                  value={d.value}
                  onChange={(e) => setDeviation(index, { value: e.target.value })}
                  helperText={leeway ? `The leeway allows ${describeLeeway(leeway)}` : 'No leeway: any value needs a variance'}
                />
                <IconButton aria-label={`Remove deviation ${index + 1}`} onClick={() => setDeviations((all) => all.filter((_d, i) => i !== index))}>
                  <DeleteIcon />
                </IconButton>
              </Stack>
            );
          })}
          <Button sx={{ alignSelf: 'flex-start' }} onClick={() => setDeviations((all) => [...all, { requirementId: '', value: '' }])}>
            Add a requirement
          </Button>
          <TextField label="Justification" value={justification} onChange={(e) => setJustification(e.target.value)} multiline minRows={2} required />
          <Stack direction="row" spacing={2}>
            <TextField select label="Likelihood" value={likelihood} onChange={(e) => setLikelihood(Number(e.target.value))} sx={{ minWidth: 140 }}>
              {SCORES.map((s) => (
                <MenuItem key={s} value={s}>
                  {s}
                </MenuItem>
              ))}
            </TextField>
            <TextField select label="Impact" value={impact} onChange={(e) => setImpact(Number(e.target.value))} sx={{ minWidth: 140 }}>
              {SCORES.map((s) => (
                <MenuItem key={s} value={s}>
                  {s}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label="Expires on"
              type="date"
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              required
            />
          </Stack>
          <TextField label="Compensating controls (one per line)" value={controls} onChange={(e) => setControls(e.target.value)} multiline minRows={2} />
          <ApiErrorAlert error={submit.error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>Cancel</Button>
        <Button variant="contained" onClick={() => submit.mutate()} disabled={submit.isPending}>
          {revisionOf ? 'Submit the revision' : 'Submit the variance request'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
