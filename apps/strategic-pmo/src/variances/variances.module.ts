import { Module } from '@nestjs/common';
import { VarianceCasesController } from './variance-cases.controller';
import { VarianceCasesService } from './variance-cases.service';
import { VarianceGroundService } from './variance-ground.service';
import { VarianceRenewalsController } from './variance-renewals.controller';
import { VarianceRenewalsService } from './variance-renewals.service';
import { VarianceScheduler } from './variance-scheduler.service';

@Module({
  controllers: [VarianceCasesController, VarianceRenewalsController],
  providers: [VarianceCasesService, VarianceGroundService, VarianceScheduler, VarianceRenewalsService],
  exports: [VarianceCasesService, VarianceGroundService],
})
export class VariancesModule {}
