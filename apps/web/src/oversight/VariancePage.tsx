import {
  Alert,
  Box,
  Chip,
  Grid,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { ApiError, unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { complianceOf, programLabel, usePrograms, useStandards, when } from './names';
import { VarianceActions } from './VarianceActions';

type Case = StrategicPmoSchemas['schemas']['VarianceCaseViewResponse'];
type Impact = StrategicPmoSchemas['schemas']['VarianceImpactResponse'];
type Change = Impact['changes'][number];
const UNDECIDED = new Set<string>(['submitted', 'under-review']);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={title}>
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: 1, py: 0.25 }}>
      <Typography component="span" color="text.secondary" sx={{ minWidth: 150, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography component="span" sx={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** Everything that happened to the case, from its timestamps, oldest first. */
function historyOf(c: Case): { at: string | null; text: string }[] {
  const events: { at: string | null; text: string }[] = [
    {
      at: c.submittedAt,
      text: `Requested by ${c.requestedByName}${c.revisionOf ? ' (revising a rejected request)' : ''}${c.proposalId ? ', forwarding a project proposal' : ''}`,
    },
  ];
  if (c.reviewerSubject) events.push({ at: null, text: 'Taken into review by the strategic PMO' });
  if (c.escalatedAt) events.push({ at: c.escalatedAt, text: 'Escalated: the decision is past its SLA' });
  if (c.decidedAt) events.push({ at: c.decidedAt, text: `Decided by ${c.decidedByName ?? 'the strategic PMO'}: ${c.decisionReason ?? ''}` });
  for (const k of c.conditions) {
    if (k.flaggedAt) events.push({ at: k.flaggedAt, text: `Condition ${k.id} overdue` });
    if (k.metAt) events.push({ at: k.metAt, text: `Condition ${k.id} met${k.metBy ? ` (${k.metBy})` : ''}` });
  }
  if (c.reviewFlaggedAt) events.push({ at: c.reviewFlaggedAt, text: `Flagged for review: ${(c.reviewReasons ?? []).join('; ')}` });
  if (c.reconfirmedAt) events.push({ at: c.reconfirmedAt, text: 'Confirmed on its new ground' });
  for (const r of c.renewals) {
    events.push({ at: r.requestedAt, text: `Renewal ${r.renewal} asked by ${r.requestedByName}: to ${r.expiresOn} (was ${r.previousExpiresOn})` });
    if (r.decidedAt)
      events.push({ at: r.decidedAt, text: `Renewal ${r.renewal} ${r.state} by ${r.decidedByName ?? 'the strategic PMO'}: ${r.decisionReason ?? ''}` });
  }
  if (c.revokedAt) events.push({ at: c.revokedAt, text: 'Revoked' });
  if (c.withdrawnReason) events.push({ at: null, text: `Withdrawn by the program: ${c.withdrawnReason}` });
  if (c.expiredAt) events.push({ at: c.expiredAt, text: 'Expired at its end date' });
  // Undated steps keep their place after the request (review) or at the end (withdrawal).
  return events
    .map((e, i) => ({ ...e, order: e.at ? Date.parse(e.at) : i === 1 ? Date.parse(c.submittedAt) + 1 : Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.order - b.order);
}

function FiguresTable({ impact }: { impact: Impact }) {
  const rows = [
    { name: 'Requesting program', f: impact.program },
    { name: 'Whole portfolio', f: impact.portfolio },
  ];
  return (
    <Table size="small" aria-label="Percent compliant before and after">
      <TableHead>
        <TableRow>
          <TableCell>Scope</TableCell>
          <TableCell align="right">Rows</TableCell>
          <TableCell align="right">Compliant now</TableCell>
          <TableCell align="right">Compliant if approved</TableCell>
          <TableCell align="right">% now</TableCell>
          <TableCell align="right">% if approved</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ name, f }) => (
          <TableRow key={name}>
            <TableCell component="th" scope="row">
              {name}
            </TableCell>
            <TableCell align="right">{f.total}</TableCell>
            <TableCell align="right">{f.compliantBefore}</TableCell>
            <TableCell align="right">{f.compliantAfter}</TableCell>
            <TableCell align="right">{f.percentBefore}%</TableCell>
            <TableCell align="right">{f.percentAfter}%</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ImpactSection({ variance, projectNames }: { variance: Case; projectNames: Map<string, string> }) {
  const pmo = usePmo();
  const undecided = UNDECIDED.has(variance.state);
  const impact = useQuery({
    queryKey: ['variances', variance.id, 'impact'],
    enabled: undecided,
    retry: (count, error) => !(error instanceof ApiError && error.status === 409) && count < 2,
    queryFn: () => unwrap(pmo.strategic.GET('/variances/{varianceId}/impact', { params: { path: { varianceId: variance.id } } })),
  });
  const columns = useMemo<GridColDef<Change>[]>(
    () => [
      { field: 'projectId', headerName: 'Project', flex: 1.5, valueGetter: (value: string) => projectNames.get(value) ?? value },
      { field: 'standardKey', headerName: 'Standard', flex: 1, valueGetter: (_v, row) => `${row.standardKey} ${row.version}` },
      { field: 'before', headerName: 'State now', flex: 1 },
      { field: 'after', headerName: 'State if approved', flex: 1 },
    ],
    [projectNames],
  );
  if (!undecided || (impact.error instanceof ApiError && impact.error.status === 409))
    return (
      <Section title="Impact">
        <Typography color="text.secondary">
          The impact is analysed before the decision; this variance is {variance.state}. The portfolio dashboard shows its effect as it stands.
        </Typography>
      </Section>
    );
  return (
    <Section title="Impact before and after">
      <ApiErrorAlert error={impact.error} />
      {impact.data && (
        <Stack spacing={2}>
          <Typography color="text.secondary">As analysed at {when(impact.data.asOf)}.</Typography>
          <FiguresTable impact={impact.data} />
          <Typography variant="subtitle1" component="h3">
            Projects whose state changes if approved ({impact.data.changes.length})
          </Typography>
          <Box sx={{ height: 260 }}>
            <DataGrid
              aria-label="Projects whose state changes"
              rows={impact.data.changes}
              getRowId={(r) => `${r.projectId}:${r.versionId}`}
              columns={columns}
              hideFooter
              disableRowSelectionOnClick
            />
          </Box>
          <Typography>
            Pending or approved variances the program already holds on this standard: <strong>{impact.data.programVariancesOnStandard}</strong>
          </Typography>
          {impact.data.otherActiveVariances.length > 0 ? (
            <List dense aria-label="Other active variances on the same requirements">
              {impact.data.otherActiveVariances.map((o) => (
                <ListItem key={o.id}>
                  <ListItemText
                    primary={<Link to={`/variances/${o.id}`}>{`${o.requirementIds.join(', ')}: ${o.state}, ends ${o.expiresOn}`}</Link>}
                    secondary={`${o.projectIds.length} project(s)`}
                  />
                </ListItem>
              ))}
            </List>
          ) : (
            <Typography color="text.secondary">No other active variance on the same requirements.</Typography>
          )}
        </Stack>
      )}
    </Section>
  );
}

/** One variance case: the request, its ground, its impact, its history and what the strategic PMO may do. */
export default function VariancePage() {
  const { varianceId = '' } = useParams();
  const pmo = usePmo();
  const programs = usePrograms();
  const standards = useStandards();
  const found = useQuery({
    queryKey: ['variances', varianceId],
    queryFn: () => unwrap(pmo.strategic.GET('/variances/{varianceId}', { params: { path: { varianceId } } })),
  });
  // Project names come with the compliance rows (the case and its impact carry only ids).
  const compliance = useQuery({ queryKey: ['portfolio', 'compliance', {}], queryFn: () => complianceOf(pmo) });
  const projectNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const r of compliance.data?.rows ?? []) names.set(r.projectId, r.projectCode === r.projectId ? r.projectName : `${r.projectName} (${r.projectCode})`);
    for (const p of found.data?.ground?.projects ?? []) names.set(p.projectId, p.name);
    return names;
  }, [compliance.data, found.data]);
  const v = found.data;
  if (!v)
    return (
      <>
        <PageHeader title="Variance" />
        {found.isPending ? <Typography>Loading the variance…</Typography> : <ApiErrorAlert error={found.error} />}
      </>
    );
  const standard = standards.byId.get(v.standardId);
  const waived = v.requirementIds.filter((id) => !v.deviations.some((d) => d.requirementId === id));
  return (
    <>
      <PageHeader
        title={`Variance: ${standard?.key ?? 'standard'} ${v.version}`}
        subtitle={`${programLabel(programs.byId, v.programId)} · ${v.requirementIds.join(', ')}`}
        actions={
          <Stack direction="row" spacing={1} role="group" aria-label="State and flags">
            <Chip label={v.state} color={v.state.startsWith('approved') ? 'success' : v.state === 'rejected' || v.state === 'revoked' ? 'error' : 'default'} />
            {v.late && <Chip color="error" label="late" />}
            {v.conditionsOverdue && <Chip color="error" label="conditions overdue" />}
            {v.needsReview && <Chip color="warning" label="needs review" />}
          </Stack>
        }
      />
      <Box sx={{ mb: 2 }}>
        <Link to="/variances">Back to the variance queue</Link>
      </Box>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Stack spacing={2}>
            <Section title="The request">
              <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 3 }}>
                <Fact label="Standard">{standard ? `${standard.title} (${v.version})` : v.version}</Fact>
                <Fact label="Requested by">{`${v.requestedByName}, ${when(v.submittedAt)}`}</Fact>
                <Fact label="Decision due (SLA)">{v.decisionDueOn}</Fact>
                <Fact label="Ends on">{v.expiresOn}</Fact>
                <Fact label="Risk">{`likelihood ${v.likelihood} × impact ${v.impact}`}</Fact>
                <Fact label="Projects">{v.projectIds.map((id) => projectNames.get(id) ?? id).join(', ')}</Fact>
              </Box>
              <Fact label="Justification">{v.justification}</Fact>
              <Fact label="Compensating controls">{v.compensatingControls.join('; ') || 'none'}</Fact>
            </Section>
            <ImpactSection variance={v} projectNames={projectNames} />
            <Section title="Deviations asked">
              <Table size="small" aria-label="Deviations per requirement">
                <TableHead>
                  <TableRow>
                    <TableCell>Requirement</TableCell>
                    <TableCell>Value asked outside its leeway</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {v.deviations.map((d) => (
                    <TableRow key={d.requirementId}>
                      <TableCell>{d.requirementId}</TableCell>
                      <TableCell>{String(d.value)}</TableCell>
                    </TableRow>
                  ))}
                  {waived.map((id) => (
                    <TableRow key={id}>
                      <TableCell>{id}</TableCell>
                      <TableCell>waived while the approval holds (no value asked)</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Section>
            <Section title="Ground of the decision">
              {v.ground ? (
                <>
                  <Fact label="Version judged">{v.ground.version}</Fact>
                  <Fact label="Requirements judged">{v.ground.requirementIds.join(', ')}</Fact>
                  <Fact label="Applicability tags">{v.ground.applicabilityTags?.join(', ') || 'none'}</Fact>
                  <List dense aria-label="Projects judged">
                    {v.ground.projects.map((p) => (
                      <ListItem key={p.projectId}>
                        <ListItemText
                          primary={`${p.name}${p.inScope ? '' : ' (no longer in the program)'}`}
                          secondary={`${p.phase}, ${p.percentComplete}% complete${p.tags.length ? `, tags ${p.tags.join(', ')}` : ''}`}
                        />
                      </ListItem>
                    ))}
                  </List>
                  {v.reviewReasons && (
                    <Alert severity="warning">
                      The ground changed: {v.reviewReasons.join('; ')} (flagged {when(v.reviewFlaggedAt)})
                    </Alert>
                  )}
                </>
              ) : (
                <Typography color="text.secondary">Not decided yet: the decision records what it judged.</Typography>
              )}
            </Section>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Stack spacing={2}>
            <Section title="Actions">
              <VarianceActions variance={v} />
            </Section>
            {v.conditions.length > 0 && (
              <Section title="Conditions">
                <List dense>
                  {v.conditions.map((c) => (
                    <ListItem key={c.id}>
                      <ListItemText
                        primary={`${c.id}: ${c.text}`}
                        secondary={`${c.owner}, due ${c.dueOn}: ${c.metAt ? `met ${when(c.metAt)}` : c.flaggedAt ? 'overdue' : 'open'}`}
                      />
                    </ListItem>
                  ))}
                </List>
              </Section>
            )}
            <Section title="History">
              <List dense aria-label="History">
                {historyOf(v).map((e, i) => (
                  <ListItem key={i}>
                    <ListItemText primary={e.text} secondary={e.at ? when(e.at) : undefined} />
                  </ListItem>
                ))}
              </List>
            </Section>
          </Stack>
        </Grid>
      </Grid>
    </>
  );
}
