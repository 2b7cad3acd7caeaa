import { DomainError } from '@pmo/http';

export class FeedbackNotFoundError extends DomainError {
  readonly code = 'FEEDBACK.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(feedbackId: string) {
    super(`feedback ${feedbackId} not found`);
  }
}

export class FeedbackNotTriageableError extends DomainError {
  readonly code = 'FEEDBACK.NOT_TRIAGEABLE';
  readonly kind = 'unprocessable';
}
