import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import { checkVarianceTransition, decisionDueOn, varianceDecisionOf, type VarianceFacts, type VarianceRequestedV1, type VarianceState } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { DecideVarianceDto } from './dto/decide-variance.dto';
import { VarianceCaseEntity } from './variance-case.entity';
import { IllegalVarianceTransitionError, MissingConditionsError, OwnVarianceError, VarianceCaseNotFoundError } from './variances.errors';

// Business days the strategic PMO has to decide (the standard's own SLA is a later refinement).
const DECISION_SLA_BUSINESS_DAYS = 10;

export interface VarianceCaseView extends VarianceCaseEntity {
  /** Still undecided after its decision due date. */
  late: boolean;
}

/** The strategic PMO's review of variance requests, with separation of duties. */
@Injectable()
export class VarianceCasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /** Opens a case for a request (in the event's inbox transaction). */
  async openCase(manager: EntityManager, event: VarianceRequestedV1): Promise<void> {
    const submittedAt = new Date(event.submittedAt);
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
        projectIds: event.projectIds,
        justification: event.justification,
        likelihood: event.risk.likelihood,
        impact: event.risk.impact,
        compensatingControls: event.compensatingControls,
        expiresOn: event.expiresOn,
        state: 'submitted',
        submittedAt,
        decisionDueOn: decisionDueOn(submittedAt, DECISION_SLA_BUSINESS_DAYS),
        conditions: [],
      })
      .orIgnore()
      .execute();
  }

  async listCases(): Promise<VarianceCaseView[]> {
    const today = this.clock.today();
    const cases = await this.dataSource.manager.find(VarianceCaseEntity, { order: { submittedAt: 'DESC' } });
    return cases.map((c) => ({ ...c, late: (c.state === 'submitted' || c.state === 'under-review') && c.decisionDueOn < today }));
  }

  async getCase(varianceId: string): Promise<VarianceCaseEntity> {
    const found = await this.dataSource.manager.findOneBy(VarianceCaseEntity, { id: varianceId });
    if (!found) throw new VarianceCaseNotFoundError(varianceId);
    return found;
  }

  /** submitted → under-review, by someone other than the requester. */
  async startReview(varianceId: string, actor: Principal): Promise<VarianceCaseEntity> {
    return this.transition(varianceId, 'under-review', actor, (c) => {
      c.reviewerSubject = actor.subject;
    });
  }

  /** under-review → approved | approved-with-conditions | rejected, by someone other than the requester. */
  async decide(varianceId: string, input: DecideVarianceDto, actor: Principal): Promise<VarianceCaseEntity> {
    if (input.outcome === 'approved-with-conditions' && !input.conditions?.length) throw new MissingConditionsError();
    return this.transition(varianceId, input.outcome, actor, async (c, manager) => {
      const now = this.clock.now();
      c.decidedBySubject = actor.subject;
      c.decidedByName = actor.name;
      c.decidedAt = now;
      c.decisionReason = input.reason;
      c.conditions = input.outcome === 'approved-with-conditions' ? (input.conditions ?? []) : [];
      await this.outbox.add(manager, 'pmo.variance.decided.v1', {
        varianceId,
        programId: c.programId,
        outcome: input.outcome,
        conditions: c.conditions,
        reason: input.reason,
        decidedBy: { subject: actor.subject, name: actor.name },
        decidedAt: now.toISOString(),
      });
    });
  }

  /** The variances as the compliance rules take them. */
  async varianceFacts(): Promise<VarianceFacts[]> {
    const cases = await this.dataSource.manager.find(VarianceCaseEntity);
    return cases.map((c) => ({
      versionId: c.versionId,
      projectIds: c.projectIds,
      submittedAt: c.submittedAt,
      decided: varianceDecisionOf(c.state, c.decidedAt),
      expiresOn: c.expiresOn,
    }));
  }

  private async transition(
    varianceId: string,
    to: VarianceState,
    actor: Principal,
    effect: (c: VarianceCaseEntity, manager: EntityManager) => Promise<void> | void,
  ): Promise<VarianceCaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(VarianceCaseEntity, { where: { id: varianceId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new VarianceCaseNotFoundError(varianceId);
      if (found.requestedBySubject === actor.subject) throw new OwnVarianceError(varianceId);
      const check = checkVarianceTransition(found.state, to);
      if (!check.ok) throw new IllegalVarianceTransitionError(check.message);
      const before = { ...found };
      await effect(found, manager);
      found.state = to;
      const saved = await manager.save(found);
      await AuditLog.record(manager, { actor: { subject: actor.subject, name: actor.name }, action: `variance.${to}`, entityType: 'variance', entityId: varianceId, before, after: saved, reason: saved.decisionReason ?? undefined });
      return saved;
    });
  }
}
