import { Module } from '@nestjs/common';
import { VariancesModule } from '../variances/variances.module';
import { PortfolioController } from './portfolio.controller';
import { PortfolioEvents } from './portfolio.events';
import { PortfolioComplianceService } from './portfolio-compliance.service';
import { PortfolioService } from './portfolio.service';

@Module({
  imports: [VariancesModule],
  controllers: [PortfolioController, PortfolioEvents],
  providers: [PortfolioService, PortfolioComplianceService],
  exports: [PortfolioComplianceService],
})
export class PortfolioModule {}
