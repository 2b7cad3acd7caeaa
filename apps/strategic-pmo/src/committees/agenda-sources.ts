import type { ComplianceRowFacts } from '@pmo/contracts';
import { In, type EntityManager } from 'typeorm';
import { FeedbackItemEntity } from '../feedback/feedback-item.entity';
import { PortfolioProjectEntity } from '../portfolio/portfolio-project.entity';
import { PriorityRequestEntity } from '../priorities/priority-request.entity';
import { VarianceCaseEntity } from '../variances/variance-case.entity';

/** What a decision is about: the owning service's thing it decides. */
export type DecisionSubjectKind = 'variance' | 'feedback' | 'project' | 'standard' | 'priority';

/** The sources an agenda is built from, in the order their items come on it. */
export const AGENDA_SOURCE_NAMES = [
  'late-variance',
  'variance-review',
  'accepted-feedback',
  'overdue-adoption',
  'red-status-report',
  'priority-change',
] as const;
export type AgendaSourceName = (typeof AGENDA_SOURCE_NAMES)[number];

/** An item a source proposes for the agenda of a committee's meeting. */
export interface AgendaDraft {
  source: AgendaSourceName;
  subjectKind: DecisionSubjectKind;
  subjectId: string;
  programId: string;
  standardId: string | null;
  title: string;
  detail: string;
}

/** What a source reads: the committee's programs, the strategic clock, and the compliance rows as of now. */
interface AgendaScope {
  manager: EntityManager;
  programIds: string[];
  today: string;
  complianceRows: () => Promise<ComplianceRowFacts[]>;
}

export interface AgendaSource {
  name: AgendaSourceName;
  itemsFor(scope: AgendaScope): Promise<AgendaDraft[]>;
}

const shorten = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Undecided past its decision due date, or escalated for it. */
const lateVariances: AgendaSource = {
  name: 'late-variance',
  async itemsFor({ manager, programIds, today }) {
    const open = await manager.find(VarianceCaseEntity, {
      where: { programId: In(programIds), state: In(['submitted', 'under-review']) },
      order: { decisionDueOn: 'ASC' },
    });
    return open
      .filter((c) => c.decisionDueOn < today || c.escalatedAt)
      .map((c) => ({
        source: 'late-variance',
        subjectKind: 'variance',
        subjectId: c.id,
        programId: c.programId,
        standardId: c.standardId,
        title: `Late variance: ${shorten(c.justification)}`,
        detail: `${c.state}, version ${c.version}; decision due ${c.decisionDueOn}${c.escalatedAt ? `, escalated ${c.escalatedAt.toISOString().slice(0, 10)}` : ''}`,
      }));
  },
};

/** Approvals whose ground changed materially: confirm or revoke. */
const variancesNeedingReview: AgendaSource = {
  name: 'variance-review',
  async itemsFor({ manager, programIds }) {
    const approved = await manager.find(VarianceCaseEntity, {
      where: { programId: In(programIds), state: In(['approved', 'approved-with-conditions']) },
      order: { submittedAt: 'ASC' },
    });
    return approved
      .filter((c) => (c.reviewReasons?.length ?? 0) > 0)
      .map((c) => ({
        source: 'variance-review',
        subjectKind: 'variance',
        subjectId: c.id,
        programId: c.programId,
        standardId: c.standardId,
        title: `Approval needs review: ${shorten(c.justification)}`,
        detail: (c.reviewReasons ?? []).join('; '),
      }));
  },
};

/** Accepted feedback whose revision is not published yet. */
const acceptedFeedback: AgendaSource = {
  name: 'accepted-feedback',
  async itemsFor({ manager, programIds }) {
    const accepted = await manager.find(FeedbackItemEntity, { where: { programId: In(programIds), state: 'accepted' }, order: { submittedAt: 'ASC' } });
    return accepted.map((f) => ({
      source: 'accepted-feedback',
      subjectKind: 'feedback',
      subjectId: f.id,
      programId: f.programId,
      standardId: f.standardId,
      title: `Feedback awaiting revision ${f.revisionVersion ?? ''}: ${shorten(f.text)}`,
      detail: `${f.category} feedback on version ${f.version}, accepted for revision ${f.revisionVersion ?? '(none)'}`,
    }));
  },
};

/** Projects past an adoption deadline with no decision, as the compliance rules say today. */
const overdueAdoptions: AgendaSource = {
  name: 'overdue-adoption',
  async itemsFor({ manager, programIds, complianceRows }) {
    const overdue = (await complianceRows()).filter((r) => r.state === 'overdue' && programIds.includes(r.programId));
    if (overdue.length === 0) return [];
    const projects = await manager.findBy(PortfolioProjectEntity, { projectId: In(overdue.map((r) => r.projectId)) });
    const nameOf = new Map(projects.map((p) => [p.projectId, p.name]));
    return overdue.map((r) => ({
      source: 'overdue-adoption',
      subjectKind: 'project',
      subjectId: r.projectId,
      programId: r.programId,
      standardId: r.standardId,
      title: `Overdue adoption: ${nameOf.get(r.projectId) ?? r.projectId} of ${r.standardKey} ${r.version}`,
      detail: `adoption deadline ${r.adoptionDeadline} passed without a decision`,
    }));
  },
};

interface RedReportRow {
  project_id: string;
  program_id: string;
  name: string;
  submitted_on: string;
  schedule_health: string | null;
  budget_health: string | null;
}

/**
 * Open projects whose latest status report is red overall: how a red report is escalated to the steering
 * committee of its program (the rating is the report format's `x-pmo-health: overall` field, docs/metrics.md).
 */
const redStatusReports: AgendaSource = {
  name: 'red-status-report',
  async itemsFor({ manager, programIds }) {
    const rows = (await manager.query(
      `SELECT r.project_id, p.program_id, p.name, r.submitted_at::date::text AS submitted_on, r.schedule_health, r.budget_health
         FROM portfolio_projects p
         JOIN LATERAL (SELECT * FROM portfolio_status_reports s WHERE s.project_id = p.project_id ORDER BY s.submitted_at DESC LIMIT 1) r ON true
        WHERE p.program_id = ANY($1) AND p.closed_at IS NULL AND r.overall_health = 'red'
        ORDER BY r.submitted_at`,
      [programIds],
    )) as RedReportRow[];
    return rows.map((r) => ({
      source: 'red-status-report',
      subjectKind: 'project',
      subjectId: r.project_id,
      programId: r.program_id,
      standardId: null,
      title: `Red status report: ${r.name}`,
      detail: `reported red on ${r.submitted_on} (schedule ${r.schedule_health ?? 'not rated'}, budget ${r.budget_health ?? 'not rated'})`,
    }));
  },
};

/** Priority changes asked for under the priority policy and not yet decided (docs/priorities.md). */
const priorityChanges: AgendaSource = {
  name: 'priority-change',
  async itemsFor({ manager, programIds }) {
    const pending = await manager.find(PriorityRequestEntity, { where: { programId: In(programIds), state: 'pending' }, order: { askedAt: 'ASC', id: 'ASC' } });
    if (pending.length === 0) return [];
    const projects = await manager.findBy(PortfolioProjectEntity, { projectId: In(pending.map((r) => r.projectId)) });
    const nameOf = new Map(projects.map((p) => [p.projectId, p.name]));
    return pending.map((r) => ({
      source: 'priority-change',
      subjectKind: 'priority',
      subjectId: r.id,
      programId: r.programId,
      standardId: null,
      title: `Priority change asked for: ${nameOf.get(r.projectId) ?? r.projectId} to ${r.scope} rank ${r.toRank}`,
      detail: `asked by ${r.askedByName}: ${shorten(r.reason)}; outside the policy because ${r.outsidePolicy}`,
    }));
  },
};

/**
 * Every source of an agenda. One more source is one more entry here and, when its decision has an effect,
 * one more decision route.
 */
export const AGENDA_SOURCES: readonly AgendaSource[] = [
  lateVariances,
  variancesNeedingReview,
  acceptedFeedback,
  overdueAdoptions,
  redStatusReports,
  priorityChanges,
];
