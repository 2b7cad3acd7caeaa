import { Alert, Box, Chip, List, ListItem, ListItemText, Pagination, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PmoClients } from '@pmo/api-contracts/browser';
import { unwrap } from '../api/api-error';
import { usePmo } from '../api/clients';
import { useSession } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { addDays, byUrgency, dayOf, type WorkItem } from './work-items';

// Variance notices older than this are history, not work.
const NOTICE_DAYS = 30;
// A status report is due this many days after the last one when no cadence applies.
const DEFAULT_CADENCE_DAYS = 14;

async function strategicWork(pmo: PmoClients, today: string): Promise<WorkItem[]> {
  const [variances, feedback] = await Promise.all([unwrap(pmo.strategic.GET('/variances')), unwrap(pmo.strategic.GET('/feedback'))]);
  const items: WorkItem[] = [];
  for (const v of variances) {
    const about = `${v.requirementIds.join(', ')} (${v.version})`;
    const base = { service: 'strategic' as const, to: `/variances/${v.id}`, since: v.submittedAt };
    if (v.state === 'submitted' || v.state === 'under-review') {
      const what = v.state === 'submitted' ? `Review the variance request on ${about}` : `Decide the variance request on ${about}`;
      items.push({
        ...base,
        id: `variance:${v.id}`,
        due: v.decisionDueOn,
        what,
        kind: v.late ? 'variance, late' : 'variance',
        late: v.late || v.decisionDueOn < today,
      });
    }
    if (v.reviewReasons && (v.state === 'approved' || v.state === 'approved-with-conditions')) {
      const flagged = v.reviewFlaggedAt ?? v.submittedAt;
      items.push({
        ...base,
        id: `review:${v.id}`,
        due: dayOf(flagged),
        since: flagged,
        what: `Confirm or revoke the approval on ${about}: ${v.reviewReasons.join('; ')}`,
        kind: 'approval to review',
        late: false,
      });
    } else if (v.late && v.state !== 'submitted' && v.state !== 'under-review') {
      items.push({
        ...base,
        id: `renewal:${v.id}`,
        due: v.decisionDueOn,
        what: `Decide the renewal of the variance on ${about}`,
        kind: 'renewal, late',
        late: true,
      });
    }
    if (v.state === 'approved-with-conditions') {
      for (const c of v.conditions.filter((c) => !c.metAt)) {
        items.push({
          ...base,
          id: `condition:${v.id}:${c.id}`,
          due: c.dueOn,
          what: `Condition ${c.id} of the variance on ${about}: ${c.text}`,
          kind: 'condition due',
          late: c.dueOn < today,
        });
      }
    }
  }
  for (const f of feedback.filter((f) => f.state === 'submitted')) {
    items.push({
      id: `feedback:${f.id}`,
      due: dayOf(f.submittedAt),
      since: f.submittedAt,
      what: `Triage feedback (${f.category}) from ${f.submittedByName}: ${f.text}`,
      kind: 'feedback',
      service: 'strategic',
      to: '/feedback',
      late: false,
    });
  }
  return items;
}

async function programWork(pmo: PmoClients, today: string): Promise<WorkItem[]> {
  const programs = await unwrap(pmo.program.GET('/programs'));
  const perProgram = await Promise.all(
    programs.map(async (program) => {
      const path = { params: { path: { programId: program.id } } };
      const [proposals, compliance, notices, variances] = await Promise.all([
        unwrap(pmo.program.GET('/programs/{programId}/variance-proposals', path)),
        unwrap(pmo.program.GET('/programs/{programId}/compliance', { params: { path: { programId: program.id }, query: { format: 'json' } } })),
        unwrap(pmo.program.GET('/programs/{programId}/variance-notices', path)),
        unwrap(pmo.program.GET('/programs/{programId}/variances', path)),
      ]);
      const to = `/programs/${program.id}`;
      const items: WorkItem[] = [];
      for (const p of proposals.filter((p) => p.state === 'proposed')) {
        items.push({
          id: `proposal:${p.id}`,
          due: dayOf(p.proposedAt),
          since: p.proposedAt,
          what: `Forward or reject ${p.proposedBy}'s variance proposal on ${p.requirementIds.join(', ')} (${p.version})`,
          kind: 'proposal to answer',
          service: 'program',
          to,
          late: false,
        });
      }
      for (const row of (compliance as Exclude<typeof compliance, string>).rows.filter((r) => r.state === 'pending' || r.state === 'overdue')) {
        items.push({
          id: `adoption:${row.projectId}:${row.versionId}`,
          due: row.adoptionDeadline,
          since: row.adoptionDeadline,
          what: `Decide the adoption of ${row.standardKey} ${row.version} for ${row.projectName}`,
          kind: row.state === 'overdue' ? 'adoption, overdue' : 'adoption',
          service: 'program',
          to,
          late: row.state === 'overdue' || row.adoptionDeadline < today,
        });
      }
      const recent = addDays(today, -NOTICE_DAYS);
      for (const n of notices.filter((n) => dayOf(n.noticedAt) >= recent && n.kind !== 'confirmed' && n.kind !== 'renewed')) {
        items.push({
          id: `notice:${n.id}`,
          due: dayOf(n.noticedAt),
          since: n.noticedAt,
          what: n.message,
          kind: `variance ${n.kind}`,
          service: 'program',
          to: `/variances/${n.varianceId}`,
          late: false,
        });
      }
      for (const v of variances.filter((v) => v.state === 'approved-with-conditions')) {
        for (const c of (v.conditions as { id: string; text: string; dueOn: string; metAt: string | null }[]).filter((c) => !c.metAt)) {
          items.push({
            id: `condition:${v.id}:${c.id}`,
            due: c.dueOn,
            since: v.submittedAt,
            what: `Meet condition ${c.id} of the variance on ${v.requirementIds.join(', ')}: ${c.text}`,
            kind: 'condition due',
            service: 'program',
            to: `/variances/${v.id}`,
            late: c.dueOn < today,
          });
        }
      }
      return items;
    }),
  );
  return perProgram.flat();
}

async function projectWork(pmo: PmoClients, today: string): Promise<WorkItem[]> {
  const projects = (await unwrap(pmo.project.GET('/projects'))).filter((p) => !p.closedAt);
  const perProject = await Promise.all(
    projects.map(async (project) => {
      const path = { params: { path: { projectId: project.id } } };
      const [requirements, reports] = await Promise.all([
        unwrap(pmo.project.GET('/projects/{projectId}/requirements', path)),
        unwrap(pmo.project.GET('/projects/{projectId}/status-reports', path)),
      ]);
      const to = `/projects/${project.id}`;
      const items: WorkItem[] = [];
      for (const r of requirements.filter((r) => r.implementation === 'not-started' || r.implementation === 'in-progress')) {
        items.push({
          id: `requirement:${project.id}:${r.versionId}:${r.requirementId}`,
          due: r.adoptionDeadline,
          since: r.appliesFrom,
          what: `${project.name}: implement ${r.requirementId} (${r.standardKey} ${r.version}), now ${r.implementation}`,
          kind: 'requirement pending',
          service: 'project',
          to,
          late: r.adoptionDeadline < today,
        });
      }
      // The reporting cadence: the longest interval its leeway allows, else a fortnight.
      const cadence = requirements.find((r) => r.requirementId === 'STATUS-CADENCE');
      const leeway = cadence?.leeway as { kind?: string; max?: number } | null | undefined;
      const days = leeway?.kind === 'range' && typeof leeway.max === 'number' ? leeway.max : DEFAULT_CADENCE_DAYS;
      const last = reports.reduce<string | undefined>((latest, r) => (!latest || r.submittedAt > latest ? r.submittedAt : latest), undefined);
      if (cadence || last) {
        const due = last ? addDays(dayOf(last), days) : (cadence?.appliesFrom ?? today);
        items.push({
          id: `report:${project.id}`,
          due,
          since: last ?? due,
          what: `${project.name}: status report due (every ${days} days${last ? `, last ${dayOf(last)}` : ', none yet'})`,
          kind: 'status report',
          service: 'project',
          to,
          late: due < today,
        });
      }
      return items;
    }),
  );
  return perProject.flat();
}

// A page of the list; a plain MUI list keeps this first screen out of the data grid's chunk.
const PAGE_SIZE = 50;

function WorkItemRow({ item }: { item: WorkItem }) {
  return (
    <ListItem divider alignItems="flex-start">
      <ListItemText
        primary={<Link to={item.to}>{item.what}</Link>}
        secondary={
          <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <span>
              due <time dateTime={item.due}>{item.due}</time>
            </span>
            {item.late && <Chip size="small" color="error" label="late" component="span" />}
            <span>· {item.kind}</span>
            <span>· {item.service} office</span>
          </Box>
        }
        slotProps={{ secondary: { component: 'span', sx: { display: 'block', mt: 0.5 } } }}
      />
    </ListItem>
  );
}

/** What waits for the signed-in person, from the APIs their roles read, most urgent and newest first. */
export default function MyWorkPage() {
  const session = useSession();
  const pmo = usePmo();
  const strategic = hasAnyRole(session, ['strategic-admin', 'strategic-reviewer']);
  const program = hasAnyRole(session, ['program-manager']);
  const project = hasAnyRole(session, ['project-manager']);
  const clock = useQuery({ queryKey: ['clock'], queryFn: () => unwrap(pmo.strategic.GET('/clock')), staleTime: 30_000 });
  const today = clock.data ? dayOf(clock.data.now) : undefined;
  const fromStrategic = useQuery({
    queryKey: ['my-work', 'strategic', today],
    enabled: strategic && Boolean(today),
    queryFn: () => strategicWork(pmo, today as string),
  });
  const fromProgram = useQuery({
    queryKey: ['my-work', 'program', today],
    enabled: program && Boolean(today),
    queryFn: () => programWork(pmo, today as string),
  });
  const fromProject = useQuery({
    queryKey: ['my-work', 'project', today],
    enabled: project && Boolean(today),
    queryFn: () => projectWork(pmo, today as string),
  });
  const sources = [fromStrategic, fromProgram, fromProject];
  const items = useMemo(
    () => [...(fromStrategic.data ?? []), ...(fromProgram.data ?? []), ...(fromProject.data ?? [])].sort(byUrgency),
    [fromStrategic.data, fromProgram.data, fromProject.data],
  );
  const loading = clock.isFetching || sources.some((s) => s.isFetching);
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const shown = items.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);
  const nothingToRead = !strategic && !program && !project;
  return (
    <>
      <PageHeader title="My work" subtitle={`What waits for ${session.name}, most urgent first.`} />
      <ApiErrorAlert error={clock.error} />
      {sources.map((s, index) => (
        <ApiErrorAlert key={index} error={s.error} />
      ))}
      {nothingToRead ? (
        <Alert severity="info">Nothing waits for the roles {session.roles.join(', ') || 'you have'}: they read, they do not act.</Alert>
      ) : (
        <>
          <Typography sx={{ mb: 1 }} role="status">
            {loading ? 'Gathering your work…' : `${items.length} ${items.length === 1 ? 'item waits' : 'items wait'}${today ? ` (today is ${today})` : ''}.`}
          </Typography>
          <List aria-label="My work" dense disablePadding>
            {shown.map((item) => (
              <WorkItemRow key={item.id} item={item} />
            ))}
          </List>
          {pages > 1 && (
            <Pagination sx={{ mt: 2 }} count={pages} page={Math.min(page, pages)} onChange={(_, next) => setPage(next)} aria-label="My work pages" />
          )}
        </>
      )}
    </>
  );
}
