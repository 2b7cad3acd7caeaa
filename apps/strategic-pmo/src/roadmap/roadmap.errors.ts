import { DomainError } from '@pmo/http';

export class RoadmapWindowError extends DomainError {
  readonly code = 'ROADMAP.INVALID_WINDOW';
  readonly kind = 'invalid';

  constructor(message: string) {
    super(message);
  }
}
