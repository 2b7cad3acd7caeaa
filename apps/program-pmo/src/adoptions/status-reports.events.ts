import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { StatusReportSubmittedV1 } from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import { ProgramStatusReportEntity } from './program-status-report.entity';

@Controller()
export class StatusReportsEvents {
  @EventPattern('pmo.status-report.submitted.v1')
  async onStatusReportSubmitted(@Payload() event: StatusReportSubmittedV1, @Ctx() context: PmoEventContext): Promise<void> {
    await context.manager.upsert(
      ProgramStatusReportEntity,
      { reportId: event.reportId, programId: event.programId, projectId: event.projectId, submittedAt: new Date(event.submittedAt) },
      ['reportId'],
    );
  }
}
