import { Alert, Box, Button, Chip, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { VarianceRequestDialog, type VarianceDraft } from './VarianceRequestDialog';
import {
  describeLeeway,
  programKeys,
  requirementsOf,
  useProgramProjects,
  useProgramStandards,
  type AdoptionDecision,
  type ProgramProject,
} from './program-api';

const DECISIONS = ['adopt', 'tailor', 'grandfather', 'variance-needed'] as const;
type Decision = (typeof DECISIONS)[number];
// Colours whose white label passes WCAG AA contrast (info and warning do not).
const DECISION_COLOURS: Record<Decision, 'success' | 'primary' | 'secondary' | 'error'> = {
  adopt: 'success',
  tailor: 'primary',
  grandfather: 'secondary',
  'variance-needed': 'error',
};

function useAdoptions(programId: string) {
  const pmo = usePmo();
  return useQuery({
    queryKey: programKeys.part(programId, 'adoptions'),
    queryFn: () => unwrap(pmo.program.GET('/programs/{programId}/adoptions', { params: { path: { programId } } })),
    retry: false,
  });
}

/**
 * The adoption board: the program's projects against the standard versions in force, each cell the decision in
 * force (the latest). Select projects, then record one decision for all of them: adopt, tailor inside the leeway,
 * grandfather or variance-needed. A tailoring outside the leeway is refused with the reason, and one button turns
 * it into a variance request with the requirement and the value filled in.
 */
export function AdoptionBoard({ programId }: { programId: string }) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const standards = useProgramStandards(programId);
  const projects = useProgramProjects(programId);
  const adoptions = useAdoptions(programId);
  // Mandatory versions first: those are the ones a deadline holds the program to.
  const inForce = useMemo(
    () => (standards.data ?? []).filter((s) => s.inForce).sort((a, b) => (a.level === b.level ? a.key.localeCompare(b.key) : a.level === 'mandatory' ? -1 : 1)),
    [standards.data],
  );

  const [selection, setSelection] = useState<GridRowSelectionModel>({ type: 'include', ids: new Set() });
  const [versionId, setVersionId] = useState('');
  const [decision, setDecision] = useState<Decision>('adopt');
  const [reason, setReason] = useState('');
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [variance, setVariance] = useState<VarianceDraft>();
  const [done, setDone] = useState<string>();

  const version = inForce.find((s) => s.versionId === versionId) ?? inForce[0];
  const tailorable = requirementsOf(version).filter((r) => r.leeway);
  const allIds = (projects.data ?? []).map((p) => p.projectId);
  const selected = selection.type === 'include' ? [...selection.ids].map(String) : allIds.filter((id) => !selection.ids.has(id));

  // The decision in force per project and version: the adoptions come newest first.
  const current = useMemo(() => {
    const map = new Map<string, AdoptionDecision>();
    for (const a of adoptions.data ?? []) if (!map.has(`${a.projectId}/${a.versionId}`)) map.set(`${a.projectId}/${a.versionId}`, a);
    return map;
  }, [adoptions.data]);

  const columns = useMemo<GridColDef<ProgramProject>[]>(
    () => [
      { field: 'name', headerName: 'Project', flex: 1.5, minWidth: 200 },
      { field: 'phase', headerName: 'Phase', width: 100 },
      { field: 'percentComplete', headerName: '% complete', type: 'number', width: 100 },
      ...inForce.map((s): GridColDef<ProgramProject> => ({
        field: s.versionId,
        headerName: `${s.key} ${s.version}`,
        flex: 1,
        minWidth: 160,
        sortable: false,
        valueGetter: (_value, row) => current.get(`${row.projectId}/${s.versionId}`)?.decision ?? 'undecided',
        renderCell: ({ row }) => {
          const decided = current.get(`${row.projectId}/${s.versionId}`);
          const choices =
            decided && Object.keys(decided.choices).length
              ? ` (${Object.entries(decided.choices)
                  .map(([k, v]) => `${k} ${String(v)}`)
                  .join(', ')})`
              : '';
          return (
            <Chip
              size="small"
              variant={decided ? 'filled' : 'outlined'}
              color={decided ? DECISION_COLOURS[decided.decision] : 'default'}
              label={decided ? `${decided.decision}${choices}` : 'undecided'}
            />
          );
        },
      })),
    ],
    [inForce, current],
  );

  const chosen = Object.entries(choices).filter(([, value]) => value.trim() !== '');
  const typed = (requirementId: string, value: string): number | string =>
    tailorable.find((r) => r.id === requirementId)?.leeway?.kind === 'range' ? Number(value) : value.trim();

  const record = useMutation({
    mutationFn: () =>
      unwrap(
        pmo.program.POST('/programs/{programId}/adoptions', {
          params: { path: { programId } },
          body: {
            versionId: version?.versionId ?? '',
            projectIds: selected,
            decision,
            reason,
            ...(decision === 'tailor' ? { choices: Object.fromEntries(chosen.map(([id, value]) => [id, typed(id, value)])) } : {}),
          },
        }),
      ),
    onSuccess: async (recorded) => {
      setDone(`Recorded ${decision} for ${recorded.length} project${recorded.length === 1 ? '' : 's'}.`);
      setSelection({ type: 'include', ids: new Set() });
      await queryClient.invalidateQueries({ queryKey: programKeys.all(programId) });
    },
    onMutate: () => setDone(undefined),
  });

  // A tailoring outside the leeway is the refusal a variance can cure; its details name the requirements.
  const refusal = record.error instanceof ApiError && record.error.body.code === 'ADOPTION.OUTSIDE_LEEWAY' ? record.error : undefined;
  const outsideLeeway = refusal !== undefined;
  const refusedRequirements = (Array.isArray(refusal?.body.details) ? (refusal.body.details as { requirementId?: string }[]) : [])
    .map((d) => d.requirementId)
    .filter(Boolean);
  const requestVariance = () =>
    setVariance({
      versionId: version?.versionId,
      projectIds: selected,
      deviations: chosen
        .filter(([id]) => !refusedRequirements.length || refusedRequirements.includes(id))
        .map(([requirementId, value]) => ({ requirementId, value })),
      justification: reason,
    });

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        Adoption board
      </Typography>
      <ApiErrorAlert error={standards.error ?? projects.error ?? adoptions.error} />
      {standards.isSuccess && inForce.length === 0 && <Alert severity="info">No standard version is in force for this program yet: nothing to decide.</Alert>}
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="decision-heading">
        <Typography id="decision-heading" variant="h6" component="h3" sx={{ mb: 2 }}>
          Decide for the selected projects ({selected.length} selected)
        </Typography>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
            <TextField
              select
              label="Standard version"
              value={version?.versionId ?? ''}
              onChange={(e) => {
                setVersionId(e.target.value);
                setChoices({});
              }}
              sx={{ minWidth: 260 }}
            >
              {inForce.map((s) => (
                <MenuItem key={s.versionId} value={s.versionId}>
                  {s.key} {s.version}
                </MenuItem>
              ))}
            </TextField>
            <TextField select label="Decision" value={decision} onChange={(e) => setDecision(e.target.value as Decision)} sx={{ minWidth: 200 }}>
              {DECISIONS.map((d) => (
                <MenuItem key={d} value={d}>
                  {d}
                </MenuItem>
              ))}
            </TextField>
            <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} required sx={{ flexGrow: 1, minWidth: 280 }} />
          </Stack>
          {decision === 'tailor' &&
            (tailorable.length === 0 ? (
              <Alert severity="info">This version has no requirement with leeway: it cannot be tailored, only adopted, grandfathered or varied.</Alert>
            ) : (
              <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
                {tailorable.map((r) => (
                  <TextField
                    key={r.id}
                    label={`${r.id} value`}
                    value={choices[r.id] ?? ''}
                    onChange={(e) => setChoices((all) => ({ ...all, [r.id]: e.target.value }))}
                    type={r.leeway?.kind === 'range' ? 'number' : 'text'}
                    helperText={`Allowed: ${describeLeeway(r.leeway)}`}
                    title={r.text}
                  />
                ))}
              </Stack>
            ))}
          {decision === 'grandfather' && version && (
            <Typography color="text.secondary">
              Grandfathering keeps a project on its current practice; it needs at least {version.grandfatheringThresholdPercent}% complete, or the closing
              phase.
            </Typography>
          )}
          <Stack direction="row" spacing={2}>
            <Button variant="contained" disabled={selected.length === 0 || !version || record.isPending} onClick={() => record.mutate()}>
              Record the decision for {selected.length} project{selected.length === 1 ? '' : 's'}
            </Button>
          </Stack>
          {done && (
            <Alert severity="success" role="status">
              {done}
            </Alert>
          )}
          <ApiErrorAlert error={record.error} />
          {outsideLeeway && (
            <Alert
              severity="info"
              action={
                <Button color="inherit" onClick={requestVariance}>
                  Request a variance for these values
                </Button>
              }
            >
              A value outside the leeway needs a variance approved by the strategic PMO.
            </Alert>
          )}
        </Stack>
      </Paper>
      <Box sx={{ height: 600 }}>
        <DataGrid
          aria-label="Adoption board"
          rows={projects.data ?? []}
          getRowId={(row) => row.projectId}
          columns={columns}
          loading={projects.isFetching || adoptions.isFetching}
          checkboxSelection
          disableRowSelectionOnClick
          rowSelectionModel={selection}
          onRowSelectionModelChange={setSelection}
        />
      </Box>
      {variance && (
        <VarianceRequestDialog
          programId={programId}
          draft={variance}
          onClose={(created) => {
            setVariance(undefined);
            if (created) {
              record.reset();
              setDone('The variance request was sent to the strategic PMO: see it under Variance requests.');
            }
          }}
        />
      )}
    </Stack>
  );
}
