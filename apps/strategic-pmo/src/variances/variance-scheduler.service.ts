import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
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
 * date is escalated once (`variance.escalated`).
 */
@Injectable()
export class VarianceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private job?: ClockJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.job = scheduleOnClock(this.clock, () => this.followTime(), CHECK_EVERY_MS);
  }

  onApplicationShutdown(): void {
    this.job?.stop();
  }

  private async followTime(): Promise<number> {
    const now = this.clock.now();
    const today = this.clock.today();
    const manager = this.dataSource.manager;
    const ending = (await manager.findBy(VarianceCaseEntity, { state: In(['approved', 'approved-with-conditions']) })).filter((c) => c.expiresOn < today);
    const late = (await manager.findBy(VarianceCaseEntity, { state: In(['submitted', 'under-review']), escalatedAt: IsNull() })).filter((c) => c.decisionDueOn < today);
    for (const found of ending) {
      await this.dataSource.transaction(async (tx) => {
        await tx.update(VarianceCaseEntity, { id: found.id }, { state: 'expired', expiredAt: now });
        await this.outbox.add(tx, 'pmo.variance.expired.v1', { varianceId: found.id, programId: found.programId, expiresOn: found.expiresOn, expiredAt: now.toISOString() });
        await AuditLog.record(tx, { actor: ACTOR, action: 'variance.expired', entityType: 'variance', entityId: found.id, before: found, after: { ...found, state: 'expired', expiredAt: now }, reason: `its approval ended on ${found.expiresOn}` });
      });
    }
    for (const found of late) {
      await this.dataSource.transaction(async (tx) => {
        await tx.update(VarianceCaseEntity, { id: found.id }, { escalatedAt: now });
        await this.outbox.add(tx, 'pmo.variance.escalated.v1', { varianceId: found.id, programId: found.programId, decisionDueOn: found.decisionDueOn, escalatedAt: now.toISOString() });
        await AuditLog.record(tx, { actor: ACTOR, action: 'variance.escalated', entityType: 'variance', entityId: found.id, before: found, after: { ...found, escalatedAt: now }, reason: `no decision by ${found.decisionDueOn}` });
      });
    }
    return ending.length + late.length;
  }
}
