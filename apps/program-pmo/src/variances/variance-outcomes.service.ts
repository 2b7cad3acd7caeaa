import { Injectable } from '@nestjs/common';
import type {
  StandardVariancePolicySetV1,
  VarianceConditionMetV1,
  VarianceConditionsOverdueV1,
  VarianceDecidedV1,
  VarianceEscalatedV1,
  VarianceExpiredV1,
  VarianceReviewedV1,
  VarianceReviewNeededV1,
} from '@pmo/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { ProgramNotFoundError } from '../programs/programs.errors';
import { VarianceNoticeEntity } from './variance-notice.entity';
import { VariancePolicyEntity } from './variance-policy.entity';
import { VarianceRequestEntity } from './variance-request.entity';

/**
 * What the strategic PMO decided and what happened since, recorded in the program's view in each event's
 * inbox transaction, with a notice wherever the program should act or its projects' compliance changes.
 */
@Injectable()
export class VarianceOutcomesService {
  constructor(private readonly dataSource: DataSource) {}

  async recordDecision(manager: EntityManager, event: VarianceDecidedV1): Promise<void> {
    const conditions = event.conditions.map((c, i) => ({ id: c.id ?? `C${i + 1}`, text: c.text, owner: c.owner, dueOn: c.dueOn, metAt: null }));
    await manager.update(
      VarianceRequestEntity,
      { id: event.varianceId },
      { state: event.outcome, decidedAt: new Date(event.decidedAt), decisionReason: event.reason, conditions },
    );
    if (event.outcome === 'rejected') {
      await this.notice(
        manager,
        event.programId,
        event.varianceId,
        'rejected',
        `variance rejected: ${event.reason}. Its projects stand as they would without it; a revision may be resubmitted`,
        event.decidedAt,
      );
    }
  }

  /** An approval reached its end date (the compliance rules also see it from `expiresOn`). */
  async recordExpiry(manager: EntityManager, event: VarianceExpiredV1): Promise<void> {
    await manager.update(VarianceRequestEntity, { id: event.varianceId }, { state: 'expired' });
    await this.notice(
      manager,
      event.programId,
      event.varianceId,
      'expired',
      `variance ended on ${event.expiresOn}: its projects stand as they would without it`,
      event.expiredAt,
    );
  }

  async recordEscalation(manager: EntityManager, event: VarianceEscalatedV1): Promise<void> {
    await manager.update(VarianceRequestEntity, { id: event.varianceId }, { escalatedAt: new Date(event.escalatedAt) });
    await this.notice(
      manager,
      event.programId,
      event.varianceId,
      'escalated',
      `the decision was due on ${event.decisionDueOn} and is late; it has been escalated`,
      event.escalatedAt,
    );
  }

  async recordConditionMet(manager: EntityManager, event: VarianceConditionMetV1): Promise<void> {
    const found = await manager.findOne(VarianceRequestEntity, { where: { id: event.varianceId }, lock: { mode: 'pessimistic_write' } });
    if (!found) return;
    found.conditions = found.conditions.map((c) => (c.id === event.conditionId ? { ...c, metAt: event.metAt } : c));
    await manager.save(found);
  }

  async recordConditionsOverdue(manager: EntityManager, event: VarianceConditionsOverdueV1): Promise<void> {
    await this.notice(
      manager,
      event.programId,
      event.varianceId,
      'conditions-overdue',
      `conditions ${event.conditionIds.join(', ')} of the approval are past their due date: its projects count as non-compliant until they are met`,
      event.flaggedAt,
    );
  }

  async recordReviewNeeded(manager: EntityManager, event: VarianceReviewNeededV1): Promise<void> {
    await manager.update(VarianceRequestEntity, { id: event.varianceId }, { reviewReasons: event.reasons });
    await this.notice(manager, event.programId, event.varianceId, 'needs-review', `the approval needs review: ${event.reasons.join('; ')}`, event.flaggedAt);
  }

  async recordReview(manager: EntityManager, event: VarianceReviewedV1): Promise<void> {
    if (event.outcome === 'confirmed') {
      await manager.update(VarianceRequestEntity, { id: event.varianceId }, { reviewReasons: null });
      await this.notice(
        manager,
        event.programId,
        event.varianceId,
        'confirmed',
        `the approval was confirmed on its new ground: ${event.reason}`,
        event.reviewedAt,
      );
      return;
    }
    await manager.update(VarianceRequestEntity, { id: event.varianceId }, { state: 'revoked', endedAt: new Date(event.reviewedAt), reviewReasons: null });
    await this.notice(
      manager,
      event.programId,
      event.varianceId,
      'revoked',
      `the approval was revoked: ${event.reason}. Its projects stand as they would without it`,
      event.reviewedAt,
    );
  }

  async recordPolicy(manager: EntityManager, event: StandardVariancePolicySetV1): Promise<void> {
    await manager.upsert(
      VariancePolicyEntity,
      { standardId: event.standardId, longestVarianceMonths: event.longestVarianceMonths, decisionSlaBusinessDays: event.decisionSlaBusinessDays },
      ['standardId'],
    );
  }

  async listNotices(programId: string): Promise<VarianceNoticeEntity[]> {
    if (!(await this.dataSource.manager.existsBy(ProgramEntity, { id: programId }))) throw new ProgramNotFoundError(programId);
    return this.dataSource.manager.find(VarianceNoticeEntity, { where: { programId }, order: { noticedAt: 'DESC' } });
  }

  private async notice(
    manager: EntityManager,
    programId: string,
    varianceId: string,
    kind: VarianceNoticeEntity['kind'],
    message: string,
    at: string,
  ): Promise<void> {
    await manager.insert(VarianceNoticeEntity, { id: randomUUID(), programId, varianceId, kind, message, noticedAt: new Date(at) });
  }
}
