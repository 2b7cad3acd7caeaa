import { Module } from '@nestjs/common';
import { StandardsViewModule } from '@pmo/standards-view';
import { VariancesModule } from '../variances/variances.module';
import { AdoptionsController } from './adoptions.controller';
import { AdoptionsService } from './adoptions.service';
import { OverdueScheduler } from './overdue-scheduler.service';
import { ProgramComplianceService } from './program-compliance.service';
import { StatusReportsEvents } from './status-reports.events';

@Module({
  imports: [StandardsViewModule, VariancesModule],
  controllers: [AdoptionsController, StatusReportsEvents],
  providers: [AdoptionsService, ProgramComplianceService, OverdueScheduler],
})
export class AdoptionsModule {}
