import { Module } from '@nestjs/common';
import { ProgramComplianceModel } from './program-compliance-model';
import { ProgramComplianceViewsController } from './program-compliance-views.controller';

/** Each program's compliance read model and the routes of the program compliance screen that read it. */
@Module({
  controllers: [ProgramComplianceViewsController],
  providers: [ProgramComplianceModel],
  exports: [ProgramComplianceModel],
})
export class ComplianceModelModule {}
