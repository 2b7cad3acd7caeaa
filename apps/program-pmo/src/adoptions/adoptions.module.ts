import { Module } from '@nestjs/common';
import { StandardsViewModule } from '@pmo/standards-view';
import { ComplianceModelModule } from '../compliance/compliance-model.module';
import { VariancesModule } from '../variances/variances.module';
import { AdoptionsController } from './adoptions.controller';
import { AdoptionsService } from './adoptions.service';
import { CarryForwardEvents } from './carry-forward.events';
import { GrandfatheringPoliciesService } from './grandfathering-policies.service';
import { GrandfatheringPolicyEvents } from './grandfathering-policy.events';
import { OverdueScheduler } from './overdue-scheduler.service';
import { ProgramComplianceService } from './program-compliance.service';
import { StatusReportsEvents } from './status-reports.events';

@Module({
  imports: [StandardsViewModule, VariancesModule, ComplianceModelModule],
  controllers: [AdoptionsController, StatusReportsEvents, GrandfatheringPolicyEvents, CarryForwardEvents],
  providers: [AdoptionsService, ProgramComplianceService, OverdueScheduler, GrandfatheringPoliciesService],
  exports: [GrandfatheringPoliciesService],
})
export class AdoptionsModule {}
