import { Module } from '@nestjs/common';
import { StandardsViewModule } from '@pmo/standards-view';
import { AdoptionsController } from './adoptions.controller';
import { AdoptionsService } from './adoptions.service';
import { OverdueScheduler } from './overdue-scheduler.service';
import { ProgramComplianceService } from './program-compliance.service';
import { StatusReportsEvents } from './status-reports.events';

@Module({
  imports: [StandardsViewModule],
  controllers: [AdoptionsController, StatusReportsEvents],
  providers: [AdoptionsService, ProgramComplianceService, OverdueScheduler],
})
export class AdoptionsModule {}
