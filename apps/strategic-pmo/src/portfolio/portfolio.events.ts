import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { AdoptionDecidedV1, ProgramRegisteredV1, ProjectClosedV1, ProjectRegisteredV1, ProjectUpdatedV1, StatusReportSubmittedV1 } from '@pmo/contracts';
import { EventBatchPattern, PmoEventContext } from '@pmo/messaging';
import { PortfolioService } from './portfolio.service';

@Controller()
export class PortfolioEvents {
  constructor(private readonly portfolio: PortfolioService) {}

  @EventBatchPattern('pmo.program.registered.v1')
  onProgramsRegistered(@Payload() events: ProgramRegisteredV1[], @Ctx() context: PmoEventContext): Promise<void> {
    return this.portfolio.recordProgramsRegistered(context.manager, events);
  }

  @EventPattern('pmo.project.registered.v1')
  onProjectRegistered(@Payload() event: ProjectRegisteredV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.portfolio.recordProjectRegistered(context.manager, event);
  }

  // A bulk adoption sends one event per project: a run of them is one statement, not one upsert each.
  @EventBatchPattern('pmo.adoption.decided.v1')
  onAdoptionsDecided(@Payload() events: AdoptionDecidedV1[], @Ctx() context: PmoEventContext): Promise<void> {
    return this.portfolio.recordAdoptionsDecided(context.manager, events);
  }

  @EventPattern('pmo.status-report.submitted.v1')
  onStatusReportSubmitted(@Payload() event: StatusReportSubmittedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.portfolio.recordStatusReport(context.manager, event);
  }

  @EventPattern('pmo.project.updated.v1')
  onProjectUpdated(@Payload() event: ProjectUpdatedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.portfolio.recordProjectUpdated(context.manager, event);
  }

  @EventPattern('pmo.project.closed.v1')
  onProjectClosed(@Payload() event: ProjectClosedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.portfolio.recordProjectClosed(context.manager, event);
  }
}
