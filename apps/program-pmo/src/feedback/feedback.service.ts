import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import type { FeedbackTriagedV1, SubmitFeedbackBody } from '@pmo/contracts';
import { Clock, idempotentCall, onceForKey, type IdempotentCall } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { StandardsViewService } from '@pmo/standards-view';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { ProgramNotFoundError } from '../programs/programs.errors';
import { UnknownVersionForFeedbackError } from './feedback.errors';
import { ProgramFeedbackEntity } from './program-feedback.entity';

/** Feedback a program sends up about a standard version, and the answers that come back. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly standards: StandardsViewService,
    private readonly clock: Clock,
  ) {}

  /** Records and sends feedback; a retry with the same idempotency key gets the first one back. */
  async submit(programId: string, input: SubmitFeedbackBody, actor: Principal, idempotencyKey?: string): Promise<ProgramFeedbackEntity> {
    const call = idempotentCall(idempotencyKey, 'feedback', { programId, input });
    return onceForKey(
      call,
      (key) => this.dataSource.manager.findOneBy(ProgramFeedbackEntity, { programId, idempotencyKey: key }),
      () => this.dataSource.transaction((manager) => this.record(manager, programId, input, actor, call)),
    );
  }

  list(programId: string): Promise<ProgramFeedbackEntity[]> {
    return this.dataSource.manager.find(ProgramFeedbackEntity, { where: { programId }, order: { submittedAt: 'DESC' } });
  }

  async recordTriage(manager: EntityManager, event: FeedbackTriagedV1): Promise<void> {
    await manager.update(
      ProgramFeedbackEntity,
      { id: event.feedbackId },
      { state: event.outcome, triageReason: event.reason, revisionVersion: event.revisionVersion, varianceId: event.varianceId },
    );
  }

  private async record(
    manager: EntityManager,
    programId: string,
    input: SubmitFeedbackBody,
    actor: Principal,
    call: IdempotentCall | null,
  ): Promise<ProgramFeedbackEntity> {
    const program = await manager.findOneBy(ProgramEntity, { id: programId });
    if (!program) throw new ProgramNotFoundError(programId);
    const version = (await this.standards.standardsOf({ programId, tags: program.tags }, manager)).find((v) => v.versionId === input.versionId);
    if (!version) throw new UnknownVersionForFeedbackError(input.versionId);
    const now = this.clock.now();
    const feedback = manager.create(ProgramFeedbackEntity, {
      id: randomUUID(),
      programId,
      standardId: version.standardId,
      versionId: version.versionId,
      version: version.version,
      category: input.category,
      text: input.text,
      about: input.about ?? [],
      submittedBySubject: actor.subject,
      submittedByName: actor.name,
      submittedAt: now,
      state: 'submitted',
      triageReason: null,
      revisionVersion: null,
      varianceId: null,
      idempotencyKey: call?.key ?? null,
      requestFingerprint: call?.fingerprint ?? null,
    });
    await manager.insert(ProgramFeedbackEntity, feedback);
    await this.outbox.add(manager, 'pmo.feedback.submitted.v1', {
      feedbackId: feedback.id,
      programId,
      standardId: feedback.standardId,
      versionId: feedback.versionId,
      version: feedback.version,
      category: feedback.category,
      text: feedback.text,
      about: feedback.about,
      submittedBy: { subject: actor.subject, name: actor.name },
      submittedAt: now.toISOString(),
    });
    await AuditLog.record(manager, {
      actor: { subject: actor.subject, name: actor.name },
      action: 'feedback.submitted',
      entityType: 'feedback',
      entityId: feedback.id,
      after: feedback,
    });
    return feedback;
  }
}
