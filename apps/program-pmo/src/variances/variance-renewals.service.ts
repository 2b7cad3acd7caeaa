import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import { checkRenewable, checkRenewalExpiry, DEFAULT_LONGEST_VARIANCE_MONTHS, type RenewVarianceBody, type VarianceRenewalDecidedV1 } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { VarianceNoticeEntity } from './variance-notice.entity';
import { VariancePolicyEntity } from './variance-policy.entity';
import { VarianceRequestEntity, type RequestRenewal } from './variance-request.entity';
import { IllegalVarianceTransitionError, VarianceNotRequestableError, VarianceRequestNotFoundError } from './variances.errors';

/**
 * Renewals of approved variances: the program asks for a later end date before the approval ends; the
 * strategic PMO decides it. Until then the approval stands with its own end date.
 */
@Injectable()
export class VarianceRenewalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Asks for a renewal of an approval in force (409 otherwise, or while another renewal is undecided). The new
   * end date is limited by the standard's longest variance from the first approval (422 naming the limit).
   */
  async requestRenewal(programId: string, varianceId: string, input: RenewVarianceBody, actor: Principal): Promise<VarianceRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(VarianceRequestEntity, { where: { id: varianceId, programId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new VarianceRequestNotFoundError(programId, varianceId);
      const today = this.clock.today();
      const renewable = checkRenewable(
        { state: found.state, expiresOn: found.expiresOn, renewalPending: found.renewals.some((r) => r.state === 'submitted') },
        today,
      );
      if (!renewable.ok) throw new IllegalVarianceTransitionError(renewable.message, found.id);
      // An approval always has its decision date: the first approval, which renewals never move.
      const firstApprovedOn = (found.decidedAt as Date).toISOString().slice(0, 10);
      const policy = await manager.findOneBy(VariancePolicyEntity, { standardId: found.standardId });
      const months = policy?.longestVarianceMonths ?? DEFAULT_LONGEST_VARIANCE_MONTHS;
      const expiry = checkRenewalExpiry(input.expiresOn, found.expiresOn, firstApprovedOn, months);
      if (!expiry.ok) throw new VarianceNotRequestableError(expiry.message);

      const before = { ...found };
      const now = this.clock.now();
      const renewal: RequestRenewal = {
        renewal: found.renewals.length + 1,
        expiresOn: input.expiresOn,
        previousExpiresOn: found.expiresOn,
        justification: input.justification,
        requestedBySubject: actor.subject,
        requestedByName: actor.name,
        requestedAt: now.toISOString(),
        state: 'submitted',
        decidedByName: null,
        decidedAt: null,
        decisionReason: null,
      };
      found.renewals = [...found.renewals, renewal];
      const saved = await manager.save(found);
      await this.outbox.add(manager, 'pmo.variance.renewal-requested.v1', {
        varianceId,
        programId,
        renewal: renewal.renewal,
        requestedBy: { subject: actor.subject, name: actor.name },
        expiresOn: renewal.expiresOn,
        previousExpiresOn: renewal.previousExpiresOn,
        justification: renewal.justification,
        requestedAt: renewal.requestedAt,
      });
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'variance.renewal-requested',
        entityType: 'variance',
        entityId: varianceId,
        before,
        after: saved,
        reason: input.justification,
      });
      return saved;
    });
  }

  /** The strategic PMO's decision on a renewal (in the event's inbox transaction); approved moves the end date. */
  async recordDecision(manager: EntityManager, event: VarianceRenewalDecidedV1): Promise<void> {
    const found = await manager.findOne(VarianceRequestEntity, { where: { id: event.varianceId }, lock: { mode: 'pessimistic_write' } });
    const renewal = found?.renewals.find((r) => r.renewal === event.renewal);
    if (!found || !renewal || renewal.state !== 'submitted') return;
    found.renewals = found.renewals.map((r) =>
      r.renewal === event.renewal
        ? { ...r, state: event.outcome, decidedByName: event.decidedBy.name, decidedAt: event.decidedAt, decisionReason: event.reason }
        : r,
    );
    if (event.outcome === 'approved') found.expiresOn = event.expiresOn;
    await manager.save(found);
    const message =
      event.outcome === 'approved'
        ? `renewal ${event.renewal} approved: the variance now ends on ${event.expiresOn} (was ${renewal.previousExpiresOn})`
        : `renewal ${event.renewal} rejected: ${event.reason}. The variance still ends on ${event.expiresOn}`;
    await manager.insert(VarianceNoticeEntity, {
      id: randomUUID(),
      programId: event.programId,
      varianceId: event.varianceId,
      kind: event.outcome === 'approved' ? 'renewed' : 'renewal-rejected',
      message,
      noticedAt: new Date(event.decidedAt),
    });
  }
}
