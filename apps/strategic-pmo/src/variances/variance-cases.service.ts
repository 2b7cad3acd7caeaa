import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import {
  type DecideVarianceBody,
  type ListVariancesQuery,
  DEFAULT_DECISION_SLA_BUSINESS_DAYS,
  decisionDueOn,
  overdueConditionIds,
  type VarianceFacts,
  type VarianceRequestedV1,
  type VarianceWithdrawnV1,
} from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { loadVarianceFacts } from './variance-facts';
import { StandardEntity } from '../standards/standard.entity';
import { changeCase } from './variance-case-change';
import { VarianceCaseEntity } from './variance-case.entity';
import { VarianceGroundService } from './variance-ground.service';
import { MissingConditionsError, VarianceCaseConflictError, VarianceCaseNotFoundError, VarianceConditionNotFoundError } from './variances.errors';

export interface VarianceCaseView extends VarianceCaseEntity {
  /** Still undecided after its decision due date, or a renewal is. */
  late: boolean;
  /** A condition of the approval is past its due date and not met. */
  conditionsOverdue: boolean;
  /** The ground of the approval changed materially (see reviewReasons). */
  needsReview: boolean;
}

/** The strategic PMO's review of variance requests, with separation of duties. */
@Injectable()
export class VarianceCasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
    private readonly ground: VarianceGroundService,
  ) {}

  /** Opens a case for a request (in the event's inbox transaction); its decision is due by the standard's SLA. */
  async openCase(manager: EntityManager, event: VarianceRequestedV1): Promise<void> {
    const submittedAt = new Date(event.submittedAt);
    const standard = await manager.findOneBy(StandardEntity, { id: event.standardId });
    await manager
      .createQueryBuilder()
      .insert()
      .into(VarianceCaseEntity)
      .values({
        id: event.varianceId,
        programId: event.programId,
        requestedBySubject: event.requestedBy.subject,
        requestedByName: event.requestedBy.name,
        standardId: event.standardId,
        versionId: event.versionId,
        version: event.version,
        requirementIds: event.requirementIds,
        deviations: event.deviations ?? [],
        projectIds: event.projectIds,
        justification: event.justification,
        likelihood: event.risk.likelihood,
        impact: event.risk.impact,
        compensatingControls: event.compensatingControls,
        expiresOn: event.expiresOn,
        state: 'submitted',
        submittedAt,
        decisionDueOn: decisionDueOn(submittedAt, standard?.decisionSlaBusinessDays ?? DEFAULT_DECISION_SLA_BUSINESS_DAYS),
        conditions: [],
        revisionOf: event.revisionOf ?? null,
        proposalId: event.proposalId ?? null,
      })
      .orIgnore()
      .execute();
  }

  /** The requester withdrew it (in the event's inbox transaction). Already decided: the decision stands. */
  async recordWithdrawal(manager: EntityManager, event: VarianceWithdrawnV1): Promise<void> {
    const found = await manager.findOne(VarianceCaseEntity, { where: { id: event.varianceId }, lock: { mode: 'pessimistic_write' } });
    if (!found || (found.state !== 'submitted' && found.state !== 'under-review')) return;
    const before = { ...found };
    found.state = 'withdrawn';
    found.withdrawnReason = event.reason;
    // When the withdrawal took effect, as the compliance rules read it (the same instant as in the program).
    found.decidedAt = new Date(event.withdrawnAt);
    await manager.save(found);
    await AuditLog.record(manager, {
      actor: event.withdrawnBy,
      action: 'variance.withdrawn',
      entityType: 'variance',
      entityId: found.id,
      before,
      after: found,
      reason: event.reason,
    });
  }

  /** Newest first; state, program and standard filter in the query, the flags (on today's clock) after it. */
  async listCases(filter: ListVariancesQuery = {}): Promise<VarianceCaseView[]> {
    const where: FindOptionsWhere<VarianceCaseEntity> = {};
    if (filter.state) where.state = filter.state;
    if (filter.programId) where.programId = filter.programId;
    if (filter.standardId) where.standardId = filter.standardId;
    const cases = await this.dataSource.manager.find(VarianceCaseEntity, { where, order: { submittedAt: 'DESC' } });
    return cases
      .map((c) => this.view(c))
      .filter((v) => (filter.late === undefined || v.late === filter.late) && (filter.needsReview === undefined || v.needsReview === filter.needsReview));
  }

  async getCase(varianceId: string): Promise<VarianceCaseView> {
    const found = await this.dataSource.manager.findOneBy(VarianceCaseEntity, { id: varianceId });
    if (!found) throw new VarianceCaseNotFoundError(varianceId);
    return this.view(found);
  }

  /** submitted → under-review, by someone other than the requester. */
  async startReview(varianceId: string, actor: Principal): Promise<VarianceCaseEntity> {
    return this.dataSource.transaction((manager) => this.startReviewIn(manager, varianceId, actor));
  }

  /** startReview in the caller's transaction (a steering committee's decision starts the review it concludes). */
  startReviewIn(manager: EntityManager, varianceId: string, actor: Principal): Promise<VarianceCaseEntity> {
    return changeCase(manager, varianceId, actor, { action: 'variance.under-review', to: 'under-review' }, (c) => {
      c.reviewerSubject = actor.subject;
    });
  }

  /**
   * under-review → approved | approved-with-conditions | rejected, by someone other than the requester.
   * An approval remembers its ground; conditions are numbered C1, C2, … and tracked to done.
   */
  async decide(varianceId: string, input: DecideVarianceBody, actor: Principal): Promise<VarianceCaseEntity> {
    return this.dataSource.transaction((manager) => this.decideIn(manager, varianceId, input, actor));
  }

  /** decide in the caller's transaction: a steering committee's decision is the variance's decision, recorded with it. */
  decideIn(manager: EntityManager, varianceId: string, input: DecideVarianceBody, actor: Principal): Promise<VarianceCaseEntity> {
    if (input.outcome === 'approved-with-conditions' && !input.conditions?.length) throw new MissingConditionsError();
    return changeCase(manager, varianceId, actor, { action: `variance.${input.outcome}`, to: input.outcome, reason: input.reason }, async (c) => {
      const now = this.clock.now();
      c.decidedBySubject = actor.subject;
      c.decidedByName = actor.name;
      c.decidedAt = now;
      c.decisionReason = input.reason;
      c.conditions =
        input.outcome === 'approved-with-conditions'
          ? (input.conditions ?? []).map((k, i) => ({
              id: `C${i + 1}`,
              text: k.text,
              owner: k.owner,
              dueOn: k.dueOn,
              metAt: null,
              metBy: null,
              flaggedAt: null,
            }))
          : [];
      // The decision judges the version requested, even when a newer one is already published.
      if (input.outcome !== 'rejected') c.ground = { ...(await this.ground.groundOf(manager, c)), version: c.version };
      await this.outbox.add(manager, 'pmo.variance.decided.v1', {
        varianceId,
        programId: c.programId,
        outcome: input.outcome,
        conditions: c.conditions.map(({ id, text, owner, dueOn }) => ({ id, text, owner, dueOn })),
        reason: input.reason,
        decidedBy: { subject: actor.subject, name: actor.name },
        decidedAt: now.toISOString(),
      });
    });
  }

  /** A condition of an approval is done; tracked once, announced to the program. */
  async markConditionMet(varianceId: string, conditionId: string, actor: Principal): Promise<VarianceCaseEntity> {
    return this.dataSource.transaction((manager) =>
      changeCase(manager, varianceId, actor, { action: 'variance.condition-met', reason: conditionId }, async (c) => {
        const condition = c.conditions.find((k) => k.id === conditionId);
        if (!condition) throw new VarianceConditionNotFoundError(varianceId, conditionId);
        if (c.state !== 'approved-with-conditions')
          throw new VarianceCaseConflictError(`variance ${varianceId} is ${c.state}; conditions are tracked only on an approval with conditions`, varianceId);
        if (condition.metAt)
          throw new VarianceCaseConflictError(`condition ${conditionId} of variance ${varianceId} was already met on ${condition.metAt}`, varianceId);
        const now = this.clock.now();
        condition.metAt = now.toISOString();
        condition.metBy = actor.name;
        // jsonb is compared by reference: a new array makes TypeORM write it.
        c.conditions = [...c.conditions];
        await this.outbox.add(manager, 'pmo.variance.condition-met.v1', {
          varianceId,
          programId: c.programId,
          conditionId,
          metBy: { subject: actor.subject, name: actor.name },
          metAt: now.toISOString(),
        });
      }),
    );
  }

  /** The variances as the compliance rules take them. */
  varianceFacts(manager: EntityManager = this.dataSource.manager): Promise<VarianceFacts[]> {
    return loadVarianceFacts(manager);
  }

  private view(c: VarianceCaseEntity): VarianceCaseView {
    const today = this.clock.today();
    return {
      ...c,
      late:
        ((c.state === 'submitted' || c.state === 'under-review') && c.decisionDueOn < today) ||
        c.renewals.some((r) => (r.state === 'submitted' || r.state === 'under-review') && r.decisionDueOn < today),
      conditionsOverdue: c.state === 'approved-with-conditions' && overdueConditionIds(c.conditions, today).length > 0,
      needsReview: (c.state === 'approved' || c.state === 'approved-with-conditions') && (c.reviewReasons?.length ?? 0) > 0,
    };
  }
}
