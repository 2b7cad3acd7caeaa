import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_OUTCOMES, LESSON_CATEGORIES } from '@pmo/contracts';
import type { ProjectLessonEntity } from '../project-lesson.entity';
import type { ProjectReview } from '../reviews.service';

export class ProjectLessonResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: LESSON_CATEGORIES })
  category: string;

  @ApiProperty()
  whatHappened: string;

  @ApiProperty()
  recommendation: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The standard it concerns' })
  standardId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The standard version it concerns' })
  versionId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '1.2.0' })
  version: string | null;

  @ApiProperty({ type: [String] })
  about: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The feedback it became once sent upward' })
  feedbackId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  static of(lesson: ProjectLessonEntity): ProjectLessonResponse {
    return {
      id: lesson.id,
      category: lesson.category,
      whatHappened: lesson.whatHappened,
      recommendation: lesson.recommendation,
      standardId: lesson.standardId,
      versionId: lesson.versionId,
      version: lesson.version,
      about: lesson.about,
      feedbackId: lesson.feedbackId,
      sentAt: lesson.sentAt?.toISOString() ?? null,
    };
  }
}

/** A closed project's post-implementation review with its lessons, in the order they were written. */
export class ProjectReviewResponse {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ enum: DELIVERY_OUTCOMES })
  outcome: string;

  @ApiProperty()
  delivered: string;

  @ApiProperty({ type: String, nullable: true, description: 'The scope or objective it is measured against' })
  objective: string | null;

  @ApiProperty()
  reviewedByName: string;

  @ApiProperty({ format: 'date-time' })
  reviewedAt: string;

  @ApiProperty({ type: [ProjectLessonResponse] })
  lessons: ProjectLessonResponse[];

  static of({ review, lessons }: ProjectReview): ProjectReviewResponse {
    return {
      projectId: review.projectId,
      outcome: review.outcome,
      delivered: review.delivered,
      objective: review.objective,
      reviewedByName: review.reviewedByName,
      reviewedAt: review.reviewedAt.toISOString(),
      lessons: lessons.map(ProjectLessonResponse.of),
    };
  }
}
