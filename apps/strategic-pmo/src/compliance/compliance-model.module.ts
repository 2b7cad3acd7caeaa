import { Module } from '@nestjs/common';
import { PortfolioComplianceModel } from './portfolio-compliance-model';
import { PortfolioComplianceViewsController } from './portfolio-compliance-views.controller';

/** The portfolio's compliance read model and the dashboard routes that read it. */
@Module({
  controllers: [PortfolioComplianceViewsController],
  providers: [PortfolioComplianceModel],
  exports: [PortfolioComplianceModel],
})
export class ComplianceModelModule {}
