import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FeedbackModule } from '../feedback/feedback.module';
import { VariancesModule } from '../variances/variances.module';
import { MethodologyController } from '../methodology/methodology.controller';
import { RolloutScheduler } from '../rollouts/rollout-scheduler.service';
import { StandardVersionEntity } from './standard-version.entity';
import { StandardVersionsController } from './standard-versions.controller';
import { StandardVersionsService } from './standard-versions.service';
import { StandardEntity } from './standard.entity';
import { StandardsController } from './standards.controller';
import { StandardsService } from './standards.service';

@Module({
  imports: [FeedbackModule, VariancesModule, TypeOrmModule.forFeature([StandardEntity, StandardVersionEntity])],
  controllers: [StandardsController, StandardVersionsController, MethodologyController],
  providers: [StandardsService, StandardVersionsService, RolloutScheduler],
})
export class StandardsModule {}
