import { Alert, Box, Button, List, ListItem, ListItemText, Paper, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorsOf, messagesAt, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { ProgramPicker, splitList, usePrograms } from './ApplicabilityFields';
import { keys, type PublicationPreview, type PublishedVersion, type StandardVersion, type Wave } from './standards-api';

interface WaveRow {
  key: number;
  name: string;
  programIds: string[];
  tags: string;
  opensOn: string;
  adoptionDeadline: string;
}

let nextKey = 0;
const waveRow = (index: number): WaveRow => ({ key: nextKey++, name: `wave ${index + 1}`, programIds: [], tags: '', opensOn: '', adoptionDeadline: '' });
const waveOf = (row: WaveRow): Wave => ({
  name: row.name.trim(),
  programIds: row.programIds,
  programTags: splitList(row.tags),
  opensOn: row.opensOn,
  adoptionDeadline: row.adoptionDeadline,
});

type ReachRow = PublicationPreview['reach'][number] & { id: string; programs: string; opensOn: string; deadline: string };

/**
 * Publishing in waves: the waves (programs by name or by tag, opening and deadline), then the preview of what
 * publishing would do, and only then the publish button; afterwards the coverage the publication answered.
 */
export function PublishFlow({
  version,
  canPublish,
  onPublished,
}: {
  version: StandardVersion;
  canPublish: boolean;
  /** Called with the publish answer before the version's queries refresh (the page then shows its coverage). */
  onPublished: (published: PublishedVersion) => void;
}) {
  const pmo = usePmo();
  const queryClient = useQueryClient();
  const programs = usePrograms();
  const nameOf = (id: string) => programs.data?.find((p) => p.programId === id)?.name ?? id;
  const [rows, setRows] = useState<WaveRow[]>([waveRow(0)]);
  const [previewed, setPreviewed] = useState<{ plan: string; preview: PublicationPreview } | null>(null);
  const path = { standardId: version.standardId, version: version.version };
  const rollout = rows.map(waveOf);
  const plan = JSON.stringify(rollout);
  const preview = useMutation({
    mutationFn: (sent: Wave[]) =>
      unwrap(pmo.strategic.POST('/standards/{standardId}/versions/{version}/preview', { params: { path }, body: { rollout: sent } })),
    onSuccess: (answer, sent) => setPreviewed({ plan: JSON.stringify(sent), preview: answer }),
  });
  const publish = useMutation({
    mutationFn: (sent: Wave[]) =>
      unwrap(pmo.strategic.POST('/standards/{standardId}/versions/{version}/publish', { params: { path }, body: { rollout: sent } })),
    onSuccess: async (published) => {
      onPublished(published);
      await queryClient.invalidateQueries({ queryKey: keys.standard(version.standardId) });
      await queryClient.invalidateQueries({ queryKey: ['standards'] });
      queryClient.setQueryData(keys.version(version.standardId, version.version), published);
    },
  });
  // The preview speaks for the waves it was asked about: any change asks for a new one before publishing.
  const current = previewed?.plan === plan ? previewed.preview : null;
  const problems = fieldErrorsOf(preview.error ?? publish.error);
  const update = (index: number, change: Partial<WaveRow>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <Stack spacing={2}>
      {rows.map((row, index) => {
        const at = (field: string) => messagesAt(problems, `/rollout/${index}/${field}`);
        return (
          <Paper key={row.key} component="fieldset" variant="outlined" sx={{ p: 2, m: 0 }}>
            <Box component="legend" sx={{ px: 1 }}>
              Wave {index + 1}
            </Box>
            <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
              <TextField
                label="Wave name"
                value={row.name}
                onChange={(e) => update(index, { name: e.target.value })}
                error={Boolean(at('name'))}
                helperText={at('name')}
              />
              <ProgramPicker label="Programs" value={row.programIds} onChange={(programIds) => update(index, { programIds })} error={at('programIds')} />
              <TextField
                label="Program tags"
                value={row.tags}
                onChange={(e) => update(index, { tags: e.target.value })}
                helperText={at('programTags') ?? 'comma-separated'}
                error={Boolean(at('programTags'))}
              />
              <TextField
                label="Opens on"
                type="date"
                value={row.opensOn}
                onChange={(e) => update(index, { opensOn: e.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
                error={Boolean(at('opensOn'))}
                helperText={at('opensOn')}
              />
              <TextField
                label="Adoption deadline"
                type="date"
                value={row.adoptionDeadline}
                onChange={(e) => update(index, { adoptionDeadline: e.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
                error={Boolean(at('adoptionDeadline'))}
                helperText={at('adoptionDeadline')}
              />
              {rows.length > 1 && (
                <Button color="error" onClick={() => setRows(rows.filter((_, i) => i !== index))} aria-label={`Remove wave ${index + 1}`}>
                  Remove
                </Button>
              )}
            </Stack>
          </Paper>
        );
      })}
      <Stack direction="row" spacing={2}>
        <Button variant="outlined" onClick={() => setRows([...rows, waveRow(rows.length)])}>
          Add wave
        </Button>
        <Button variant="contained" color="secondary" loading={preview.isPending} onClick={() => preview.mutate(rollout)}>
          Preview publication
        </Button>
      </Stack>
      <ApiErrorAlert error={preview.error} />
      {current && <PreviewReport preview={current} nameOf={nameOf} />}
      {canPublish && (
        <Stack spacing={1}>
          {!current && <Typography color="text.secondary">Preview these waves before publishing.</Typography>}
          <ApiErrorAlert error={publish.error} />
          <div>
            <Button variant="contained" color="success" disabled={!current} loading={publish.isPending} onClick={() => publish.mutate(rollout)}>
              Publish {version.version}
            </Button>
          </div>
        </Stack>
      )}
    </Stack>
  );
}

const percent = (value: number) => `${value.toFixed(1)} %`;

function PreviewReport({ preview, nameOf }: { preview: PublicationPreview; nameOf: (id: string) => string }) {
  const rows: ReachRow[] = preview.reach.map((reach) => {
    const wave = preview.waves.find((w) => w.name === reach.wave);
    return {
      ...reach,
      id: reach.wave,
      programs: (wave?.programIds ?? []).map(nameOf).join(', '),
      opensOn: wave?.opensOn ?? '',
      deadline: wave?.adoptionDeadline ?? '',
    };
  });
  const columns: GridColDef<ReachRow>[] = [
    { field: 'wave', headerName: 'Wave', flex: 1 },
    { field: 'programs', headerName: 'Programs', flex: 2 },
    { field: 'projects', headerName: 'Projects', width: 90, valueGetter: (_v, row) => row.projectIds.length },
    { field: 'opensOn', headerName: 'Opens on', width: 110 },
    { field: 'openingStandard', headerName: 'Standard % on opening', width: 170, valueGetter: (_v, row) => percent(row.onOpening.standard.percentCompliant) },
    {
      field: 'openingPortfolio',
      headerName: 'Portfolio % on opening',
      width: 170,
      valueGetter: (_v, row) => percent(row.onOpening.portfolio.percentCompliant),
    },
    { field: 'deadline', headerName: 'Deadline', width: 110 },
    {
      field: 'deadlineStandard',
      headerName: 'Standard % on deadline',
      width: 175,
      valueGetter: (_v, row) => percent(row.onDeadline.standard.percentCompliant),
    },
    {
      field: 'deadlinePortfolio',
      headerName: 'Portfolio % on deadline',
      width: 175,
      valueGetter: (_v, row) => percent(row.onDeadline.portfolio.percentCompliant),
    },
  ];
  return (
    <Paper component="section" aria-labelledby="preview-heading" variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h3" id="preview-heading" gutterBottom>
        What publishing {preview.version} would do
      </Typography>
      <Box sx={{ height: 110 + rows.length * 52 }}>
        <DataGrid aria-label="Reach per wave" rows={rows} columns={columns} disableRowSelectionOnClick hideFooter />
      </Box>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 2 }}>
        <Findings
          title="Uncovered programs"
          empty="Every program it reaches is in a wave."
          items={preview.uncovered.map((id) => ({ primary: nameOf(id), secondary: 'gets it from its effective date, with its adoption deadline' }))}
        />
        <Findings
          title="Tailored outside the new leeway"
          empty="No tailoring falls outside the new leeway."
          items={preview.tailoredOutsideLeeway.map((t) => ({
            primary: `${t.requirementId}: ${String(t.value)} (${nameOf(t.programId)})`,
            secondary: t.message,
          }))}
        />
        <Findings
          title="Variances whose ground changes"
          empty="No approved variance changes ground."
          items={preview.varianceGroundChanges.map((g) => ({
            primary: `${nameOf(g.programId)}: variance ${g.varianceId.slice(0, 8)}`,
            secondary: g.reasons.join('; '),
          }))}
        />
        <Findings
          title="Supersedes and variants"
          empty="It supersedes nothing; no variant stays beside it."
          items={[
            ...preview.supersedes.map((v) => ({ primary: `supersedes ${v}`, secondary: undefined })),
            ...preview.keptOnVariant.map((k) => ({ primary: `${nameOf(k.programId)} stays on ${k.version}`, secondary: 'a more specific variant' })),
          ]}
        />
      </Stack>
    </Paper>
  );
}

function Findings({ title, empty, items }: { title: string; empty: string; items: { primary: string; secondary?: string }[] }) {
  return (
    <Box sx={{ flex: 1 }}>
      <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
        {title} ({items.length})
      </Typography>
      {items.length === 0 ? (
        <Typography color="text.secondary">{empty}</Typography>
      ) : (
        <List dense aria-label={title}>
          {items.map((item, i) => (
            <ListItem key={i} disableGutters>
              <ListItemText primary={item.primary} secondary={item.secondary} />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}

/** The coverage the publish answer gave: each wave with its programs, the uncovered ones, variants, superseded. */
export function Coverage({ published }: { published: PublishedVersion }) {
  const programs = usePrograms();
  const nameOf = (id: string) => programs.data?.find((p) => p.programId === id)?.name ?? id;
  const { coverage } = published;
  return (
    <Stack spacing={2}>
      <Alert severity="success" role="status">
        Version {published.version} is published.
      </Alert>
      <List dense aria-label="Waves">
        {coverage.waves.map((wave) => (
          <ListItem key={wave.name} disableGutters>
            <ListItemText
              primary={`${wave.name}: ${wave.programIds.map(nameOf).join(', ') || 'no program'}`}
              secondary={`opens ${wave.opensOn}, adoption by ${wave.adoptionDeadline}`}
            />
          </ListItem>
        ))}
      </List>
      <Typography>Uncovered programs: {coverage.uncovered.map(nameOf).join(', ') || 'none'}</Typography>
      <Typography>Kept on a variant: {coverage.keptOnVariant.map((k) => `${nameOf(k.programId)} (${k.version})`).join(', ') || 'none'}</Typography>
      <Typography>Supersedes: {coverage.supersedes.join(', ') || 'nothing'}</Typography>
    </Stack>
  );
}
