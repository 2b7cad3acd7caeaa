import { DomainError } from '@pmo/http';

export class MilestoneNotFoundError extends DomainError {
  readonly code = 'MILESTONE.NOT_FOUND';
  readonly kind = 'not-found';

  constructor(projectId: string, milestoneId: string) {
    super(`milestone ${milestoneId} not found in project ${projectId}`);
  }
}

export class TooManyMilestonesError extends DomainError {
  readonly code = 'MILESTONE.TOO_MANY';
  readonly kind = 'conflict';

  constructor(projectId: string, max: number) {
    super(`project ${projectId} already has ${max} milestones, the most a plan may hold`);
  }
}
