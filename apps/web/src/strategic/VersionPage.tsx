import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { usePrograms } from './ApplicabilityFields';
import { PlaybookImport } from './PlaybookImport';
import { PlaybookView } from './PlaybookView';
import { Coverage, PublishFlow } from './PublishFlow';
import { ReportValidation } from './ReportValidation';
import { RequirementEditor } from './RequirementEditor';
import {
  keys,
  STATE_COLORS,
  useCanPreview,
  useIsStrategicAdmin,
  type Applicability,
  type PublishedVersion,
  type Requirement,
  type StandardVersion,
} from './standards-api';

type RequirementRow = Requirement & { leewayText: string };

function leewayText(requirement: Requirement): string {
  const leeway = requirement.leeway;
  if (!leeway) return 'none';
  return leeway.kind === 'range' ? `${leeway.min} to ${leeway.max} ${leeway.unit}` : `one of: ${leeway.options.join(', ')}`;
}

const requirementColumns: GridColDef<RequirementRow>[] = [
  { field: 'id', headerName: 'ID', width: 180 },
  { field: 'text', headerName: 'Requirement', flex: 2 },
  { field: 'leewayText', headerName: 'Leeway', flex: 1 },
];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={`${id}-heading`} variant="outlined" sx={{ p: 2 }} id={id}>
      <Typography variant="h5" component="h2" id={`${id}-heading`} gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** One version of a standard: what it says, its draft editor, its playbook, its publication. */
export default function VersionPage() {
  const { standardId = '', version: label = '' } = useParams();
  const pmo = usePmo();
  const isAdmin = useIsStrategicAdmin();
  const canPreview = useCanPreview();
  const location = useLocation();
  const [justPublished, setJustPublished] = useState<PublishedVersion | null>(null);
  const standard = useQuery({
    queryKey: keys.standard(standardId),
    queryFn: () => unwrap(pmo.strategic.GET('/standards/{standardId}', { params: { path: { standardId } } })),
  });
  const version = useQuery({
    queryKey: keys.version(standardId, label),
    queryFn: () => unwrap(pmo.strategic.GET('/standards/{standardId}/versions/{version}', { params: { path: { standardId, version: label } } })),
  });
  const v = version.data;
  const s = standard.data;
  useEffect(() => {
    if (v && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [v, location.hash]);
  const editable = isAdmin && v?.state === 'draft';

  return (
    <>
      <PageHeader
        title={s && v ? `${s.title} ${v.version}` : `Version ${label}`}
        subtitle={s ? `${s.key} · ${s.kind}` : undefined}
        actions={v && <Chip label={v.state} color={STATE_COLORS[v.state]} aria-label={`State: ${v.state}`} />}
      />
      <Typography sx={{ mb: 2 }}>
        <Link to={`/standards/${standardId}`}>Back to {s?.title ?? 'the standard'}</Link>
      </Typography>
      <ApiErrorAlert error={version.error ?? standard.error} />
      {v && s && (
        <Stack spacing={3}>
          <Section id="summary" title="Summary">
            <Summary version={v} />
          </Section>
          <Section id="requirements" title={editable ? 'Edit the draft' : 'Requirements'}>
            {editable ? (
              <RequirementEditor key={v.id} version={v} />
            ) : (
              <Box sx={{ height: Math.min(480, 110 + v.requirements.length * 52) }}>
                <DataGrid
                  aria-label="Requirements"
                  rows={(v.requirements as unknown as Requirement[]).map((r) => ({ ...r, leewayText: leewayText(r) }))}
                  columns={requirementColumns}
                  disableRowSelectionOnClick
                  hideFooter
                />
              </Box>
            )}
          </Section>
          {s.kind === 'report-format' && (
            <Section id="validate" title="Validate a sample report">
              <ReportValidation version={v} />
            </Section>
          )}
          {s.kind === 'methodology' && (
            <Section id="playbook" title="Playbook">
              <PlaybookView version={v} />
            </Section>
          )}
          {s.kind === 'methodology' && editable && (
            <Section id="import" title="Import the playbook (YAML)">
              <PlaybookImport version={v} />
            </Section>
          )}
          {canPreview && (v.state === 'in-review' || v.state === 'draft') && (
            <Section id="publish" title={v.state === 'in-review' ? 'Publish in waves' : 'Preview a publication'}>
              {v.state === 'draft' && <Typography sx={{ mb: 2 }}>A draft can be previewed; it is published once submitted for review.</Typography>}
              <PublishFlow version={v} canPublish={isAdmin && v.state === 'in-review'} onPublished={setJustPublished} />
            </Section>
          )}
          {justPublished?.version === v.version && (
            <Section id="coverage" title="Coverage">
              <Coverage published={justPublished} />
            </Section>
          )}
        </Stack>
      )}
    </>
  );
}

function Summary({ version }: { version: StandardVersion }) {
  const programs = usePrograms();
  const nameOf = (id: string) => programs.data?.find((p) => p.programId === id)?.name ?? id;
  const applicability = version.applicability as unknown as Applicability;
  const reach =
    applicability.scope === 'organisation'
      ? 'the whole organisation'
      : applicability.scope === 'tags'
        ? `programs tagged ${applicability.tags.join(', ')}`
        : applicability.programIds.map(nameOf).join(', ');
  const rollout = (version.rollout ?? []) as unknown as {
    name: string;
    opensOn: string;
    adoptionDeadline: string;
    programIds: string[];
    programTags: string[];
  }[];
  const facts: [string, string][] = [
    ['Level', version.level],
    ['Effective date', version.effectiveDate],
    ['Adoption deadline', version.adoptionDeadline],
    ['Applies to', reach],
    ['Change summary', version.changeSummary || '—'],
    ...(version.publishedAt ? ([['Published', new Date(version.publishedAt).toLocaleString()]] as [string, string][]) : []),
    ...rollout.map((w): [string, string] => [
      `Wave “${w.name}”`,
      `${[...w.programIds.map(nameOf), ...w.programTags.map((t) => `tag ${t}`)].join(', ')}: opens ${w.opensOn}, adoption by ${w.adoptionDeadline}`,
    ]),
  ];
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}>
      {facts.map(([term, value]) => (
        <Box key={term} sx={{ display: 'contents' }}>
          <Typography component="dt" sx={{ fontWeight: 600 }}>
            {term}
          </Typography>
          <Typography component="dd" sx={{ m: 0 }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
