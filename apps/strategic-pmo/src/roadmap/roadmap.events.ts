import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ProjectScheduleChangedV1 } from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import { RoadmapProjectPlanEntity } from './roadmap-project-plan.entity';

@Controller()
export class RoadmapEvents {
  /** Replaces the roadmap's copy of the project's plan: the event carries all of it. */
  @EventPattern('pmo.project.schedule-changed.v1')
  async onProjectScheduleChanged(@Payload() event: ProjectScheduleChangedV1, @Ctx() context: PmoEventContext): Promise<void> {
    await context.manager.save(RoadmapProjectPlanEntity, {
      projectId: event.projectId,
      programId: event.programId,
      startDate: event.startDate,
      endDate: event.endDate,
      milestones: event.milestones,
      changedAt: new Date(event.changedAt),
    });
  }
}
