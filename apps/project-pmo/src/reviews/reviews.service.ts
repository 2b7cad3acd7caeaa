import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import type { ProjectReviewBody, SendLessonAsFeedbackBody } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { StandardsViewService } from '@pmo/standards-view';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { KnownProgramEntity } from '../programs/known-program.entity';
import { ProjectEntity } from '../projects/project.entity';
import { ProjectNotFoundError } from '../projects/projects.errors';
import { lessonFeedbackText } from './lesson-feedback-text';
import { ProjectLessonEntity } from './project-lesson.entity';
import { ProjectReviewEntity } from './project-review.entity';
import { LessonAlreadySentError, LessonNotFoundError, LessonVersionUnknownError, LessonWithoutVersionError, ReviewNotFoundError } from './reviews.errors';

export interface ProjectReview {
  review: ProjectReviewEntity;
  lessons: ProjectLessonEntity[];
}

/** The post-implementation review taken when a project closes, and its lessons sent upward as feedback. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly standards: StandardsViewService,
    private readonly clock: Clock,
  ) {}

  /** Stores the review in the closing's transaction; a lesson's standard version must be one its program knows. */
  async recordAtClose(manager: EntityManager, project: ProjectEntity, input: ProjectReviewBody, actor: Principal): Promise<ProjectReview> {
    const program = await manager.findOneBy(KnownProgramEntity, { programId: project.programId });
    const known = program ? await this.standards.standardsOf({ programId: program.programId, tags: program.tags }, manager) : [];
    const lessons = input.lessons.map((lesson, position) => {
      const version = lesson.versionId === undefined ? undefined : known.find((v) => v.versionId === lesson.versionId);
      if (lesson.versionId !== undefined && !version) throw new LessonVersionUnknownError(position, lesson.versionId);
      return manager.create(ProjectLessonEntity, {
        id: randomUUID(),
        projectId: project.id,
        position,
        category: lesson.category,
        whatHappened: lesson.whatHappened,
        recommendation: lesson.recommendation,
        standardId: version?.standardId ?? null,
        versionId: version?.versionId ?? null,
        version: version?.version ?? null,
        about: lesson.about ?? [],
        feedbackId: null,
        sentAt: null,
        sentByName: null,
      });
    });
    const review = manager.create(ProjectReviewEntity, {
      projectId: project.id,
      outcome: input.outcome,
      delivered: input.delivered,
      objective: input.objective ?? null,
      reviewedBySubject: actor.subject,
      reviewedByName: actor.name,
      reviewedAt: this.clock.now(),
    });
    await manager.insert(ProjectReviewEntity, review);
    if (lessons.length > 0) await manager.insert(ProjectLessonEntity, lessons);
    return { review, lessons };
  }

  async reviewOf(projectId: string): Promise<ProjectReview> {
    const review = await this.dataSource.manager.findOneBy(ProjectReviewEntity, { projectId });
    if (!review) {
      if (!(await this.dataSource.manager.existsBy(ProjectEntity, { id: projectId }))) throw new ProjectNotFoundError(projectId);
      throw new ReviewNotFoundError(projectId);
    }
    const lessons = await this.dataSource.manager.find(ProjectLessonEntity, { where: { projectId }, order: { position: 'ASC' } });
    return { review, lessons };
  }

  /** Sends a lesson to the strategic PMO as feedback on its standard version; the mark and the event commit together. */
  async sendLessonAsFeedback(projectId: string, lessonId: string, input: SendLessonAsFeedbackBody, actor: Principal): Promise<ProjectLessonEntity> {
    return this.dataSource.transaction(async (manager) => {
      const lesson = await manager.findOne(ProjectLessonEntity, { where: { id: lessonId, projectId }, lock: { mode: 'pessimistic_write' } });
      if (!lesson) throw new LessonNotFoundError(projectId, lessonId);
      if (lesson.feedbackId) throw new LessonAlreadySentError(lessonId, lesson.feedbackId);
      if (!lesson.standardId || !lesson.versionId || !lesson.version) throw new LessonWithoutVersionError(lessonId);
      const project = await manager.findOneByOrFail(ProjectEntity, { id: projectId });
      const before = { ...lesson };
      const now = this.clock.now();
      lesson.feedbackId = randomUUID();
      lesson.sentAt = now;
      lesson.sentByName = actor.name;
      const saved = await manager.save(lesson);
      await this.outbox.add(manager, 'pmo.project.lesson-sent-as-feedback.v1', {
        feedbackId: saved.feedbackId as string,
        projectId,
        programId: project.programId,
        lessonId,
        standardId: lesson.standardId,
        versionId: lesson.versionId,
        version: lesson.version,
        category: input.category,
        text: lessonFeedbackText(lesson, project.name),
        about: lesson.about,
        sentBy: { subject: actor.subject, name: actor.name },
        sentAt: now.toISOString(),
      });
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'lesson.sent-as-feedback',
        entityType: 'project-lesson',
        entityId: lessonId,
        before,
        after: saved,
      });
      return saved;
    });
  }
}
