import { DomainError, type GovernanceRefusal } from '@pmo/http';

export class StandardNotFoundError extends DomainError {
  readonly code = 'STANDARD.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(standardId: string) {
    super(`standard ${standardId} not found`);
  }
}

export class StandardVersionNotFoundError extends DomainError {
  readonly code = 'STANDARD.VERSION_NOT_FOUND';
  readonly kind = 'not-found';

  constructor(standardId: string, version: string) {
    super(`standard ${standardId} has no version ${version}`);
  }
}

export class StandardKeyTakenError extends DomainError {
  readonly code = 'STANDARD.KEY_TAKEN';
  readonly kind = 'conflict';

  constructor(key: string) {
    super(`a standard with key "${key}" already exists`);
  }
}

export class VersionExistsError extends DomainError {
  readonly code = 'STANDARD.VERSION_EXISTS';
  readonly kind = 'conflict';

  constructor(version: string) {
    super(`version ${version} already exists`);
  }
}

/** An illegal lifecycle transition, or a change to a version that is no longer a draft. */
export class IllegalTransitionError extends DomainError {
  readonly code = 'STANDARD.ILLEGAL_TRANSITION';
  readonly kind = 'conflict';
  override readonly refusal: GovernanceRefusal;

  constructor(message: string, versionId: string) {
    super(message);
    this.refusal = { rule: 'lifecycle', entityType: 'standard-version', entityId: versionId };
  }
}

/** A draft that accepted feedback names as its revision cannot be deleted until that feedback is triaged again. */
export class DraftAnswersFeedbackError extends DomainError {
  readonly code = 'STANDARD.DRAFT_ANSWERS_FEEDBACK';
  readonly kind = 'conflict';

  constructor(version: string, feedbackIds: readonly string[]) {
    super(
      `version ${version} is the revision accepted feedback ${feedbackIds.join(', ')} waits for; triage that feedback again (decline it or accept it for another revision) before deleting the draft`,
    );
  }
}

/** The version cannot leave its current state as it is (schema does not compile, bump too small, ...). */
export class VersionNotPublishableError extends DomainError {
  readonly code = 'STANDARD.NOT_PUBLISHABLE';
  readonly kind = 'unprocessable';

  constructor(
    message: string,
    override readonly details?: unknown,
  ) {
    super(message);
  }
}

export class InvalidVersionBodyError extends DomainError {
  readonly code = 'STANDARD.INVALID_BODY';
  readonly kind = 'unprocessable';

  constructor(
    message: string,
    override readonly details?: unknown,
  ) {
    super(message);
  }
}

export class InvalidCursorError extends DomainError {
  readonly code = 'STANDARD.INVALID_CURSOR';
  readonly kind = 'invalid';

  constructor() {
    super('cursor is not one this service gave out: pass the nextCursor of the previous page');
  }
}

/** A grandfathering threshold outside 0–100 (the body schema refuses it first; the service holds the rule too). */
export class InvalidGrandfatheringThresholdError extends DomainError {
  readonly code = 'STANDARD.INVALID_GRANDFATHERING_THRESHOLD';
  readonly kind = 'invalid';
}
