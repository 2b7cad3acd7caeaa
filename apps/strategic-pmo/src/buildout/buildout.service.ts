import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import type { RecordAssessmentBody, RecordFoundationBody } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { BuildoutConflictError, BuildoutRefusedError, FoundationMissingError, FoundationNotFoundError } from './buildout.errors';
import { gapsOf, ratingProblems, trendOf, type ElementTrend, type Gap } from './gap-analysis';
import { PmoAssessmentEntity } from './pmo-assessment.entity';
import { PmoFoundationEntity } from './pmo-foundation.entity';

const FOUNDATION_ID = 1;

/** The PMO's foundation and its dated assessments of current and future state, from which the gaps derive. */
@Injectable()
export class BuildoutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async foundation(): Promise<PmoFoundationEntity> {
    const found = await this.dataSource.manager.findOneBy(PmoFoundationEntity, { id: FOUNDATION_ID });
    if (!found) throw new FoundationNotFoundError();
    return found;
  }

  /** The foundation, or a refusal naming what needed it; read inside the caller's transaction (locked: one such change at a time). */
  static async requireFoundation(manager: EntityManager, what: string, lock = false): Promise<PmoFoundationEntity> {
    const found = await manager.findOne(PmoFoundationEntity, {
      where: { id: FOUNDATION_ID },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found) throw new FoundationMissingError(what);
    return found;
  }

  /** Records the foundation, or changes it: the scope, sponsor and customers are refined as the PMO learns. */
  recordFoundation(input: RecordFoundationBody, actor: Principal): Promise<PmoFoundationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(PmoFoundationEntity, { where: { id: FOUNDATION_ID }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      const saved = await manager.save(
        manager.create(PmoFoundationEntity, { ...input, id: FOUNDATION_ID, recordedAt: existing?.recordedAt ?? now, updatedAt: now }),
      );
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: existing ? 'buildout.foundation-changed' : 'buildout.foundation-recorded',
        entityType: 'pmo-foundation',
        entityId: String(FOUNDATION_ID),
        before: existing ?? undefined,
        after: saved,
      });
      return saved;
    });
  }

  assessments(): Promise<PmoAssessmentEntity[]> {
    return this.dataSource.manager.find(PmoAssessmentEntity, { order: { assessedOn: 'ASC' } });
  }

  recordAssessment(input: RecordAssessmentBody, actor: Principal): Promise<PmoAssessmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      await BuildoutService.requireFoundation(manager, 'an assessment of the current and future state');
      const problems = ratingProblems(input.elements);
      if (problems.length > 0) throw new BuildoutRefusedError(`the assessment is refused: ${problems.join('; ')}`);
      if (await manager.existsBy(PmoAssessmentEntity, { assessedOn: input.assessedOn }))
        throw new BuildoutConflictError(`an assessment on ${input.assessedOn} is already recorded: assessments are dated, one a day`);
      const saved = await manager.save(
        manager.create(PmoAssessmentEntity, {
          id: randomUUID(),
          assessedOn: input.assessedOn,
          elements: input.elements,
          recordedBySubject: actor.subject,
          recordedAt: this.clock.now(),
        }),
      );
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'buildout.assessed',
        entityType: 'pmo-assessment',
        entityId: saved.id,
        after: saved,
      });
      return saved;
    });
  }

  async gaps(manager: EntityManager = this.dataSource.manager): Promise<Gap[]> {
    return gapsOf(await manager.find(PmoAssessmentEntity));
  }

  async trend(): Promise<ElementTrend[]> {
    return trendOf(await this.assessments());
  }
}
