import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import {
  checkRenewalTransition,
  DEFAULT_DECISION_SLA_BUSINESS_DAYS,
  decisionDueOn,
  type DecideRenewalBody,
  type RenewalState,
  type VarianceRenewalRequestedV1,
} from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { StandardEntity } from '../standards/standard.entity';
import { changeCase } from './variance-case-change';
import { VarianceCaseEntity, type CaseRenewal } from './variance-case.entity';
import { IllegalVarianceTransitionError, OwnRenewalError, VarianceCaseConflictError } from './variances.errors';

/**
 * Renewals of approvals: opened from the program's request, then reviewed and decided like a first request
 * (the standard's SLA, never by the variance's requester nor the renewal's). The approval stands with its
 * own end date meanwhile; an approved renewal moves it, a rejected one leaves it to expire as before.
 */
@Injectable()
export class VarianceRenewalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /** Adds the renewal to its case (in the event's inbox transaction), due by the standard's decision SLA. */
  async openRenewal(manager: EntityManager, event: VarianceRenewalRequestedV1): Promise<void> {
    const found = await manager.findOne(VarianceCaseEntity, { where: { id: event.varianceId }, lock: { mode: 'pessimistic_write' } });
    if (!found || found.renewals.some((r) => r.renewal === event.renewal)) return;
    const standard = await manager.findOneBy(StandardEntity, { id: found.standardId });
    const renewal: CaseRenewal = {
      renewal: event.renewal,
      expiresOn: event.expiresOn,
      previousExpiresOn: event.previousExpiresOn,
      justification: event.justification,
      requestedBySubject: event.requestedBy.subject,
      requestedByName: event.requestedBy.name,
      requestedAt: event.requestedAt,
      decisionDueOn: decisionDueOn(new Date(event.requestedAt), standard?.decisionSlaBusinessDays ?? DEFAULT_DECISION_SLA_BUSINESS_DAYS),
      state: 'submitted',
      reviewerSubject: null,
      decidedBySubject: null,
      decidedByName: null,
      decidedAt: null,
      decisionReason: null,
    };
    await manager.update(VarianceCaseEntity, { id: found.id }, { renewals: [...found.renewals, renewal] });
  }

  /** The renewal waiting for its decision: submitted → under-review. */
  async startReview(varianceId: string, actor: Principal): Promise<VarianceCaseEntity> {
    return this.dataSource.transaction((manager) =>
      changeCase(manager, varianceId, actor, { action: 'variance.renewal-under-review' }, (c) => {
        this.moveRenewal(c, actor, 'under-review', (r) => ({ ...r, reviewerSubject: actor.subject }));
      }),
    );
  }

  /** under-review → approved (the variance now ends on the renewal's date) | rejected; `variance.renewal-decided`. */
  async decide(varianceId: string, input: DecideRenewalBody, actor: Principal): Promise<VarianceCaseEntity> {
    return this.dataSource.transaction((manager) =>
      changeCase(manager, varianceId, actor, { action: `variance.renewal-${input.outcome}`, reason: input.reason }, async (c) => {
        const now = this.clock.now().toISOString();
        const renewal = this.moveRenewal(c, actor, input.outcome, (r) => ({
          ...r,
          decidedBySubject: actor.subject,
          decidedByName: actor.name,
          decidedAt: now,
          decisionReason: input.reason,
        }));
        if (input.outcome === 'approved') c.expiresOn = renewal.expiresOn;
        await this.outbox.add(manager, 'pmo.variance.renewal-decided.v1', {
          varianceId,
          programId: c.programId,
          renewal: renewal.renewal,
          outcome: input.outcome,
          expiresOn: c.expiresOn,
          reason: input.reason,
          decidedBy: { subject: actor.subject, name: actor.name },
          decidedAt: now,
        });
      }),
    );
  }

  /**
   * Moves the case's undecided renewal to `to`, checked: the approval still in force, a renewal waiting, the
   * move allowed by the renewal's lifecycle, and the actor not the one who asked for it.
   */
  private moveRenewal(c: VarianceCaseEntity, actor: Principal, to: RenewalState, change: (r: CaseRenewal) => CaseRenewal): CaseRenewal {
    if (c.state !== 'approved' && c.state !== 'approved-with-conditions')
      throw new VarianceCaseConflictError(`variance ${c.id} is ${c.state}; a renewal is reviewed and decided only while the approval is in force`, c.id);
    const pending = c.renewals.at(-1);
    if (!pending || (pending.state !== 'submitted' && pending.state !== 'under-review'))
      throw new VarianceCaseConflictError(`variance ${c.id} has no renewal waiting for a decision`, c.id);
    if (pending.requestedBySubject === actor.subject) throw new OwnRenewalError(c.id, pending.renewal);
    const check = checkRenewalTransition(pending.state, to);
    if (!check.ok) throw new IllegalVarianceTransitionError(check.message, c.id);
    const moved = { ...change(pending), state: to };
    // jsonb is compared by reference: a new array makes TypeORM write it.
    c.renewals = [...c.renewals.slice(0, -1), moved];
    return moved;
  }
}
