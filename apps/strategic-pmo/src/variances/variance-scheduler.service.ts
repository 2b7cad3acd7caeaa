import { Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { overdueConditionIds } from '@pmo/contracts';
import { Clock, scheduleOnClock, type ClockJob } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog, systemActor } from '@pmo/persistence';
import { DataSource, In, IsNull } from 'typeorm';
import { VarianceCaseEntity } from './variance-case.entity';

const CHECK_EVERY_MS = 60_000;
const ACTOR = systemActor('variance-scheduler');

/**
 * Follows variances through time on the clock: an approval past its end date expires (`variance.expired`,
 * and its projects return to what applies without it); a request still undecided after its decision due
 * date is escalated once (`variance.escalated`); an approval whose condition is past its due date and not
 * met is flagged once per condition (`variance.conditions-overdue`).
 */
@Injectable()
export class VarianceScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private job?: ClockJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.job = scheduleOnClock(this.clock, () => this.followTime(), CHECK_EVERY_MS, 'variance follow-up');
  }

  // Before the pool closes (TypeORM closes it on application shutdown): a run in flight would fail on it.
  async beforeApplicationShutdown(): Promise<void> {
    await this.job?.stop();
  }

  private async followTime(): Promise<number> {
    const now = this.clock.now();
    const today = this.clock.today();
    const manager = this.dataSource.manager;
    const ending = (await manager.findBy(VarianceCaseEntity, { state: In(['approved', 'approved-with-conditions']) })).filter((c) => c.expiresOn < today);
    const late = (await manager.findBy(VarianceCaseEntity, { state: In(['submitted', 'under-review']), escalatedAt: IsNull() })).filter(
      (c) => c.decisionDueOn < today,
    );
    for (const found of ending) {
      await this.dataSource.transaction(async (tx) => {
        // Only if still approved: a revocation meanwhile stands.
        const { affected } = await tx.update(
          VarianceCaseEntity,
          { id: found.id, state: In(['approved', 'approved-with-conditions']) },
          { state: 'expired', expiredAt: now },
        );
        if (!affected) return;
        await this.outbox.add(tx, 'pmo.variance.expired.v1', {
          varianceId: found.id,
          programId: found.programId,
          expiresOn: found.expiresOn,
          expiredAt: now.toISOString(),
        });
        await AuditLog.record(tx, {
          actor: ACTOR,
          action: 'variance.expired',
          entityType: 'variance',
          entityId: found.id,
          before: found,
          after: { ...found, state: 'expired', expiredAt: now },
          reason: `its approval ended on ${found.expiresOn}`,
        });
      });
    }
    for (const found of late) {
      await this.dataSource.transaction(async (tx) => {
        // Only if still undecided and not escalated: another replica's scheduler may have escalated it meanwhile.
        const { affected } = await tx.update(
          VarianceCaseEntity,
          { id: found.id, state: In(['submitted', 'under-review']), escalatedAt: IsNull() },
          { escalatedAt: now },
        );
        if (!affected) return;
        await this.outbox.add(tx, 'pmo.variance.escalated.v1', {
          varianceId: found.id,
          programId: found.programId,
          decisionDueOn: found.decisionDueOn,
          escalatedAt: now.toISOString(),
        });
        await AuditLog.record(tx, {
          actor: ACTOR,
          action: 'variance.escalated',
          entityType: 'variance',
          entityId: found.id,
          before: found,
          after: { ...found, escalatedAt: now },
          reason: `no decision by ${found.decisionDueOn}`,
        });
      });
    }
    const withConditions = (await manager.findBy(VarianceCaseEntity, { state: 'approved-with-conditions' })).filter((c) => c.expiresOn >= today);
    let flagged = 0;
    for (const found of withConditions) {
      const overdue = overdueConditionIds(found.conditions, today).filter((id) => !found.conditions.find((k) => k.id === id)?.flaggedAt);
      if (overdue.length === 0) continue;
      flagged += 1;
      await this.dataSource.transaction(async (tx) => {
        // Locked and read again: a condition met meanwhile is not flagged, and its metAt is not lost.
        const current = await tx.findOne(VarianceCaseEntity, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
        const still = current ? overdueConditionIds(current.conditions, today).filter((id) => overdue.includes(id)) : [];
        if (!current || still.length === 0) return;
        const conditions = current.conditions.map((k) => (still.includes(k.id) ? { ...k, flaggedAt: now.toISOString() } : k));
        await tx.update(VarianceCaseEntity, { id: found.id }, { conditions });
        await this.outbox.add(tx, 'pmo.variance.conditions-overdue.v1', {
          varianceId: found.id,
          programId: found.programId,
          conditionIds: still,
          flaggedAt: now.toISOString(),
        });
        await AuditLog.record(tx, {
          actor: ACTOR,
          action: 'variance.conditions-overdue',
          entityType: 'variance',
          entityId: found.id,
          before: { conditions: current.conditions },
          after: { conditions },
          reason: `conditions ${still.join(', ')} are past their due date`,
        });
      });
    }
    return ending.length + late.length + flagged;
  }
}
