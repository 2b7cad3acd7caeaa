import { Module } from '@nestjs/common';
import { VarianceCasesController } from './variance-cases.controller';
import { VarianceCasesService } from './variance-cases.service';
import { VarianceScheduler } from './variance-scheduler.service';

@Module({
  controllers: [VarianceCasesController],
  providers: [VarianceCasesService, VarianceScheduler],
  exports: [VarianceCasesService],
})
export class VariancesModule {}
