import { Module } from '@nestjs/common';
import { StandardsViewModule } from '@pmo/standards-view';
import { VarianceOutcomesService } from './variance-outcomes.service';
import { VarianceProposalsController } from './variance-proposals.controller';
import { VarianceProposalsService } from './variance-proposals.service';
import { VarianceRenewalsController } from './variance-renewals.controller';
import { VarianceRenewalsService } from './variance-renewals.service';
import { VariancesController } from './variances.controller';
import { VariancesEvents } from './variances.events';
import { VariancesService } from './variances.service';

@Module({
  imports: [StandardsViewModule],
  controllers: [VariancesController, VarianceProposalsController, VariancesEvents, VarianceRenewalsController],
  providers: [VariancesService, VarianceOutcomesService, VarianceProposalsService, VarianceRenewalsService],
  exports: [VariancesService],
})
export class VariancesModule {}
