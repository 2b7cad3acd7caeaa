import { Module } from '@nestjs/common';
import { VarianceCasesController } from './variance-cases.controller';
import { VarianceCasesService } from './variance-cases.service';
import { VarianceGroundService } from './variance-ground.service';
import { VarianceScheduler } from './variance-scheduler.service';

@Module({
  controllers: [VarianceCasesController],
  providers: [VarianceCasesService, VarianceGroundService, VarianceScheduler],
  exports: [VarianceCasesService, VarianceGroundService],
})
export class VariancesModule {}
