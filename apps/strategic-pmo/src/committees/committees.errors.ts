import { DomainError } from '@pmo/http';

export class CommitteeNotFoundError extends DomainError {
  readonly code = 'COMMITTEE.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(what: string) {
    super(`${what} not found`);
  }
}

/** A committee or meeting that breaks a rule of its own (one chair, known programs, a member present); the message says which. */
export class CommitteeRefusedError extends DomainError {
  readonly code = 'COMMITTEE.REFUSED';
  readonly kind = 'unprocessable';
}

/** A name or date already taken, a closed meeting, an item already decided or not on the agenda. */
export class CommitteeConflictError extends DomainError {
  readonly code = 'COMMITTEE.CONFLICT';
  readonly kind = 'conflict';
}

/** Only a member acts for a committee, and only with the platform role the decision's owner requires. */
export class CommitteeActorRefusedError extends DomainError {
  readonly code = 'COMMITTEE.ACTOR_REFUSED';
  readonly kind = 'forbidden';
}
