import { Module } from '@nestjs/common';
import { StandardsViewModule } from '@pmo/standards-view';
import { VariancesController } from './variances.controller';
import { VariancesService } from './variances.service';

@Module({
  imports: [StandardsViewModule],
  controllers: [VariancesController],
  providers: [VariancesService],
  exports: [VariancesService],
})
export class VariancesModule {}
