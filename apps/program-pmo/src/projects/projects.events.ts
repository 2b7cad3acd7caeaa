import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ProjectClosedV1, ProjectRegisteredV1, ProjectUpdatedV1 } from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import { ProgramProjectsService } from './program-projects.service';

@Controller()
export class ProjectsEvents {
  constructor(private readonly projects: ProgramProjectsService) {}

  @EventPattern('pmo.project.registered.v1')
  onProjectRegistered(@Payload() event: ProjectRegisteredV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.projects.recordProjectRegistered(context.manager, event);
  }

  @EventPattern('pmo.project.updated.v1')
  onProjectUpdated(@Payload() event: ProjectUpdatedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.projects.recordProjectUpdated(context.manager, event);
  }

  @EventPattern('pmo.project.closed.v1')
  onProjectClosed(@Payload() event: ProjectClosedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.projects.recordProjectClosed(context.manager, event);
  }
}
