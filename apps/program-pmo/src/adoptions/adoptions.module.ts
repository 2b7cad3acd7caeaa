import { Module } from '@nestjs/common';
import { StandardsViewModule } from '@pmo/standards-view';
import { AdoptionsController } from './adoptions.controller';
import { AdoptionsService } from './adoptions.service';
import { ProgramComplianceService } from './program-compliance.service';

@Module({
  imports: [StandardsViewModule],
  controllers: [AdoptionsController],
  providers: [AdoptionsService, ProgramComplianceService],
})
export class AdoptionsModule {}
