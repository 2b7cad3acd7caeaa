import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import type { DecideVarianceBody, PriorityDecisionBody, RecordResolutionBody, ReviewVarianceBody, TriageFeedbackBody } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { FeedbackTriageService } from '../feedback/feedback-triage.service';
import { PriorityRequestsService } from '../priorities/priority-requests.service';
import { FEEDBACK_TRIAGERS, VARIANCE_DECIDERS, VARIANCE_REVIEWERS } from '../scopes/strategic-view-roles';
import { VarianceCaseEntity } from '../variances/variance-case.entity';
import { VarianceCasesService } from '../variances/variance-cases.service';
import { VarianceGroundService } from '../variances/variance-ground.service';
import type { DecisionSubjectKind } from './agenda-sources';
import { AgendaItemEntity } from './agenda-item.entity';
import { memberActing, requirePlatformRole } from './committee-access';
import { CommitteeDecisionEntity } from './committee-decision.entity';
import { CommitteesService } from './committees.service';
import { CommitteeActorRefusedError, CommitteeConflictError, CommitteeRefusedError } from './committees.errors';

type ItemMatch = { id: string } | { subjectKind: DecisionSubjectKind; subjectId: string };

/** What the decision applies, inside the decision's transaction; returns the outcome and effect to log. */
type Effect = (manager: EntityManager, item: AgendaItemEntity) => Promise<{ outcome: string; reason: string; effect: string }>;

/**
 * The decision log. A decision on a variance IS that variance's decision, on feedback its triage: made
 * through the owning service's own domain path, with its role checks, in the same transaction as the log entry.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly variances: VarianceCasesService,
    private readonly feedback: FeedbackTriageService,
    private readonly priorities: PriorityRequestsService,
    private readonly ground: VarianceGroundService,
  ) {}

  /** A variance on the agenda, decided as the variance decision route decides it (a submitted one is taken into review first). */
  decideVariance(committeeId: string, meetingId: string, varianceId: string, input: DecideVarianceBody, actor: Principal): Promise<CommitteeDecisionEntity> {
    requirePlatformRole(actor, VARIANCE_DECIDERS, 'decide a variance');
    return this.record(committeeId, meetingId, { subjectKind: 'variance', subjectId: varianceId }, actor, async (manager) => {
      const found = await manager.findOneBy(VarianceCaseEntity, { id: varianceId });
      if (found?.state === 'submitted') await this.variances.startReviewIn(manager, varianceId, actor);
      const decided = await this.variances.decideIn(manager, varianceId, input, actor);
      return { outcome: decided.state, reason: input.reason, effect: `variance ${decided.state}; variance.decided sent to its program` };
    });
  }

  /** An approval needing review on the agenda, confirmed or revoked as the confirm and revoke routes do it. */
  reviewVariance(committeeId: string, meetingId: string, varianceId: string, input: ReviewVarianceBody, actor: Principal): Promise<CommitteeDecisionEntity> {
    requirePlatformRole(actor, VARIANCE_REVIEWERS, 'confirm or revoke a variance');
    return this.record(committeeId, meetingId, { subjectKind: 'variance', subjectId: varianceId }, actor, async (manager) => {
      const reviewed =
        input.outcome === 'confirm'
          ? await this.ground.confirmIn(manager, varianceId, input.reason, actor)
          : await this.ground.revokeIn(manager, varianceId, input.reason, actor);
      const outcome = input.outcome === 'confirm' ? 'confirmed' : 'revoked';
      return { outcome, reason: input.reason, effect: `approval ${outcome} (now ${reviewed.state}); variance.reviewed sent to its program` };
    });
  }

  /** Feedback on the agenda, triaged as the triage route triages it. */
  triageFeedback(committeeId: string, meetingId: string, feedbackId: string, input: TriageFeedbackBody, actor: Principal): Promise<CommitteeDecisionEntity> {
    requirePlatformRole(actor, FEEDBACK_TRIAGERS, 'triage feedback');
    return this.record(committeeId, meetingId, { subjectKind: 'feedback', subjectId: feedbackId }, actor, async (manager) => {
      const triaged = await this.feedback.triageIn(manager, feedbackId, input, actor);
      const reason =
        input.reason ?? (triaged.revisionVersion ? `answered by revision ${triaged.revisionVersion}` : `resolved by variance ${triaged.varianceId}`);
      return { outcome: triaged.state, reason, effect: `feedback ${triaged.state}; feedback.triaged sent to its program` };
    });
  }

  /** A priority change asked for, approved or refused as its decision route does it: the policy in force names who may decide. */
  decidePriority(committeeId: string, meetingId: string, requestId: string, input: PriorityDecisionBody, actor: Principal): Promise<CommitteeDecisionEntity> {
    return this.record(committeeId, meetingId, { subjectKind: 'priority', subjectId: requestId }, actor, async (manager) => {
      const { request, change } = await this.priorities.decide(requestId, input, actor, manager);
      const effect = change
        ? `${request.projectName || request.projectCode} moved to ${request.scope} rank ${request.toRank}`
        : `priority change refused; ${request.scope} ranks unchanged`;
      return { outcome: request.state, reason: input.reason, effect };
    });
  }

  /** Noted, directed or deferred: recorded in the log, no service's state changes. */
  recordResolution(committeeId: string, meetingId: string, input: RecordResolutionBody, actor: Principal): Promise<CommitteeDecisionEntity> {
    return this.record(committeeId, meetingId, { id: input.itemId }, actor, () =>
      Promise.resolve({ outcome: input.outcome, reason: input.reason, effect: 'recorded only: no state of the platform changes' }),
    );
  }

  private record(committeeId: string, meetingId: string, match: ItemMatch, actor: Principal, apply: Effect): Promise<CommitteeDecisionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { committee, meeting } = await CommitteesService.openMeetingIn(manager, committeeId, meetingId);
      memberActing(committee, actor);
      if (!meeting.attendance.some((a) => a.username === actor.username && a.present))
        throw new CommitteeActorRefusedError(
          `${actor.username} is not recorded as present at the meeting of ${meeting.scheduledOn}: only members present decide`,
        );
      // Row locks before the first audit entry: a transaction holding the audit chain must not wait for a row.
      const item = await manager.findOne(AgendaItemEntity, { where: { ...match, meetingId }, lock: { mode: 'pessimistic_write' } });
      if (!item)
        throw new CommitteeRefusedError(
          `${'id' in match ? `item ${match.id}` : `${match.subjectKind} ${match.subjectId}`} is not on the agenda of this meeting`,
        );
      if (item.state === 'decided') throw new CommitteeConflictError(`item ${item.position} (${item.title}) is already decided`);
      const { outcome, reason, effect } = await apply(manager, item);
      const decision = await manager.save(
        manager.create(CommitteeDecisionEntity, {
          id: randomUUID(),
          meetingId,
          itemId: item.id,
          subjectKind: item.subjectKind,
          subjectId: item.subjectId,
          standardId: item.standardId,
          outcome,
          reason,
          effect,
          decidedByUsername: actor.username,
          decidedByName: actor.name,
          decidedAt: this.clock.now(),
        }),
      );
      item.state = 'decided';
      await manager.save(item);
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'committee.decision-recorded',
        entityType: 'committee-decision',
        entityId: decision.id,
        after: decision,
        reason,
      });
      return decision;
    });
  }
}
