import { DomainError } from '@pmo/http';

export class UnknownVersionForFeedbackError extends DomainError {
  readonly code = 'FEEDBACK.UNKNOWN_VERSION';
  readonly kind = 'unprocessable';

  constructor(versionId: string) {
    super(`standard version ${versionId} does not apply to this program`);
  }
}
