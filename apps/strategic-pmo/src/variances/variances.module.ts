import { Module } from '@nestjs/common';
import { VarianceCasesController } from './variance-cases.controller';
import { VarianceCasesService } from './variance-cases.service';

@Module({
  controllers: [VarianceCasesController],
  providers: [VarianceCasesService],
  exports: [VarianceCasesService],
})
export class VariancesModule {}
