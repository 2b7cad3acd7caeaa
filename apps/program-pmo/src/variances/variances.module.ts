import { Module } from '@nestjs/common';
import { StandardsViewModule } from '@pmo/standards-view';
import { VarianceOutcomesService } from './variance-outcomes.service';
import { VarianceProposalsController } from './variance-proposals.controller';
import { VarianceProposalsService } from './variance-proposals.service';
import { VariancesController } from './variances.controller';
import { VariancesEvents } from './variances.events';
import { VariancesService } from './variances.service';

@Module({
  imports: [StandardsViewModule],
  controllers: [VariancesController, VarianceProposalsController, VariancesEvents],
  providers: [VariancesService, VarianceOutcomesService, VarianceProposalsService],
  exports: [VariancesService],
})
export class VariancesModule {}
