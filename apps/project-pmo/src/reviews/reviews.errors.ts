import { DomainError } from '@pmo/http';

export class ReviewNotFoundError extends DomainError {
  readonly code = 'REVIEW.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(projectId: string) {
    super(`project ${projectId} has no post-implementation review`);
  }
}

export class LessonNotFoundError extends DomainError {
  readonly code = 'REVIEW.LESSON_NOT_FOUND';
  readonly kind = 'not-found';

  constructor(projectId: string, lessonId: string) {
    super(`lesson ${lessonId} not found in the review of project ${projectId}`);
  }
}

export class LessonVersionUnknownError extends DomainError {
  readonly code = 'REVIEW.UNKNOWN_VERSION';
  readonly kind = 'unprocessable';

  constructor(position: number, versionId: string) {
    super(`review.lessons[${position}].versionId ${versionId} is not a standard version known to the project's program`);
  }
}

export class LessonWithoutVersionError extends DomainError {
  readonly code = 'REVIEW.LESSON_WITHOUT_VERSION';
  readonly kind = 'unprocessable';

  constructor(lessonId: string) {
    super(`lesson ${lessonId} names no standard version; only a lesson about a standard goes upward as feedback`);
  }
}

export class LessonAlreadySentError extends DomainError {
  readonly code = 'REVIEW.LESSON_ALREADY_SENT';
  readonly kind = 'conflict';

  constructor(lessonId: string, feedbackId: string) {
    super(`lesson ${lessonId} was already sent as feedback ${feedbackId}`);
  }
}
