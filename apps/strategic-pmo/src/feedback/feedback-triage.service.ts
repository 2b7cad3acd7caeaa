import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import type { FeedbackSubmittedV1, LessonSentAsFeedbackV1, TriageFeedbackBody } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog, type Actor } from '@pmo/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { StandardVersionEntity } from '../standards/standard-version.entity';
import { VarianceCaseEntity } from '../variances/variance-case.entity';
import { FeedbackItemEntity } from './feedback-item.entity';
import { FeedbackNotFoundError, FeedbackNotTriageableError } from './feedback.errors';

/** The strategic PMO's triage of feedback, and its closing when the revision that answers it is published. */
@Injectable()
export class FeedbackTriageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async receive(manager: EntityManager, event: FeedbackSubmittedV1): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(FeedbackItemEntity)
      .values({
        id: event.feedbackId,
        programId: event.programId,
        standardId: event.standardId,
        versionId: event.versionId,
        version: event.version,
        category: event.category,
        text: event.text,
        about: event.about,
        submittedBySubject: event.submittedBy.subject,
        submittedByName: event.submittedBy.name,
        submittedAt: new Date(event.submittedAt),
        state: 'submitted',
      })
      .orIgnore()
      .execute();
  }

  /** A closed project's lesson, sent straight from the project PMO, lands in the same inbox, linked to its origin. */
  async receiveLesson(manager: EntityManager, event: LessonSentAsFeedbackV1): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(FeedbackItemEntity)
      .values({
        id: event.feedbackId,
        programId: event.programId,
        standardId: event.standardId,
        versionId: event.versionId,
        version: event.version,
        category: event.category,
        text: event.text,
        about: event.about,
        submittedBySubject: event.sentBy.subject,
        submittedByName: event.sentBy.name,
        submittedAt: new Date(event.sentAt),
        state: 'submitted',
        originProjectId: event.projectId,
        originLessonId: event.lessonId,
      })
      .orIgnore()
      .execute();
  }

  list(): Promise<FeedbackItemEntity[]> {
    return this.dataSource.manager.find(FeedbackItemEntity, { order: { submittedAt: 'DESC' } });
  }

  /** accepted (linked to a draft revision of the same standard), declined (with a reason) or resolved by a variance. */
  async triage(feedbackId: string, input: TriageFeedbackBody, actor: Principal): Promise<FeedbackItemEntity> {
    return this.dataSource.transaction((manager) => this.triageIn(manager, feedbackId, input, actor));
  }

  /** triage in the caller's transaction: a steering committee's decision on feedback is its triage, recorded with it. */
  async triageIn(manager: EntityManager, feedbackId: string, input: TriageFeedbackBody, actor: Principal): Promise<FeedbackItemEntity> {
    const item = await manager.findOne(FeedbackItemEntity, { where: { id: feedbackId }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw new FeedbackNotFoundError(feedbackId);
    if (item.state === 'closed') throw new FeedbackNotTriageableError(`feedback ${feedbackId} is closed`);
    const before = { ...item };
    if (input.outcome === 'accepted') {
      const revision = await manager.findOneBy(StandardVersionEntity, { standardId: item.standardId, version: input.revisionVersion });
      if (!revision || (revision.state !== 'draft' && revision.state !== 'in-review')) {
        throw new FeedbackNotTriageableError(`revision ${input.revisionVersion} must be a draft or in-review version of the same standard`);
      }
      item.revisionVersionId = revision.id;
      item.revisionVersion = revision.version;
    }
    if (input.outcome === 'resolved-by-variance') {
      if (!(await manager.existsBy(VarianceCaseEntity, { id: input.varianceId })))
        throw new FeedbackNotTriageableError(`variance ${input.varianceId} is not known`);
      item.varianceId = input.varianceId ?? null;
    }
    item.state = input.outcome;
    item.triageReason = input.reason ?? null;
    item.triagedBySubject = actor.subject;
    item.triagedAt = this.clock.now();
    const saved = await manager.save(item);
    await this.announce(manager, saved);
    await AuditLog.record(manager, {
      actor: { subject: actor.subject, name: actor.name },
      action: `feedback.${saved.state}`,
      entityType: 'feedback',
      entityId: feedbackId,
      before,
      after: saved,
      reason: saved.triageReason ?? undefined,
    });
    return saved;
  }

  /** The ids of the accepted feedback that waits for `revisionVersionId`, oldest first. */
  async acceptedFor(manager: EntityManager, revisionVersionId: string): Promise<string[]> {
    const items = await manager.find(FeedbackItemEntity, {
      where: { revisionVersionId, state: 'accepted' },
      select: { id: true },
      order: { submittedAt: 'ASC' },
    });
    return items.map((item) => item.id);
  }

  /**
   * Closes the accepted feedback a revision answers; called in the transaction that publishes it.
   * Returns the closed items so the revision's notes can list them.
   */
  async closeAnsweredBy(manager: EntityManager, revisionVersionId: string, actor: Actor): Promise<FeedbackItemEntity[]> {
    const answered = await manager.findBy(FeedbackItemEntity, { revisionVersionId, state: 'accepted' });
    const before = answered.map((item) => ({ ...item }));
    for (const item of answered) {
      item.state = 'closed';
      item.closedAt = this.clock.now();
      await manager.save(item);
      await this.announce(manager, item);
    }
    // Audited after every row is written: once a transaction holds the audit chain's lock it must not wait
    // for a row lock, or it can deadlock with a triage that holds that row and waits for the chain.
    for (const [i, item] of answered.entries()) {
      await AuditLog.record(manager, {
        actor,
        action: 'feedback.closed',
        entityType: 'feedback',
        entityId: item.id,
        before: before[i],
        after: item,
        reason: `answered by the publication of version ${item.revisionVersion}`,
      });
    }
    return answered;
  }

  private announce(manager: EntityManager, item: FeedbackItemEntity) {
    return this.outbox.add(manager, 'pmo.feedback.triaged.v1', {
      feedbackId: item.id,
      programId: item.programId,
      outcome: item.state === 'submitted' ? 'accepted' : item.state,
      reason: item.triageReason ?? '',
      revisionVersion: item.revisionVersion,
      varianceId: item.varianceId,
      at: (item.closedAt ?? item.triagedAt ?? this.clock.now()).toISOString(),
    });
  }
}
