import { Module } from '@nestjs/common';
import { StandardsViewModule } from '@pmo/standards-view';
import { VarianceProposalsController } from './variance-proposals.controller';
import { VarianceProposalsService } from './variance-proposals.service';

@Module({
  imports: [StandardsViewModule],
  controllers: [VarianceProposalsController],
  providers: [VarianceProposalsService],
})
export class VariancesModule {}
