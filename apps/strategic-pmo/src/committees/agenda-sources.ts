import type { ComplianceRowFacts } from '@pmo/contracts';
import { In, type EntityManager } from 'typeorm';
import { FeedbackItemEntity } from '../feedback/feedback-item.entity';
import { PortfolioProjectEntity } from '../portfolio/portfolio-project.entity';
import { VarianceCaseEntity } from '../variances/variance-case.entity';

/** What a decision is about: the owning service's thing it decides. */
export type DecisionSubjectKind = 'variance' | 'feedback' | 'project' | 'standard' | 'priority';

/** The sources an agenda is built from, in the order their items come on it. */
export type AgendaSourceName = 'late-variance' | 'variance-review' | 'accepted-feedback' | 'overdue-adoption';

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

/**
 * Every source of an agenda. One more source (red status reports, priority changes asked for) is one more
 * entry here and, when its decision has an effect, one more decision route.
 */
export const AGENDA_SOURCES: readonly AgendaSource[] = [lateVariances, variancesNeedingReview, acceptedFeedback, overdueAdoptions];
