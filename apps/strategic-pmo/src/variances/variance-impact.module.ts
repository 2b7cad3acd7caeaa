import { Module } from '@nestjs/common';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { VarianceImpactController } from './variance-impact.controller';
import { VarianceImpactService } from './variance-impact.service';

// Apart from VariancesModule: the portfolio's compliance reads the variances, and the impact reads both.
@Module({
  imports: [PortfolioModule],
  controllers: [VarianceImpactController],
  providers: [VarianceImpactService],
})
export class VarianceImpactModule {}
