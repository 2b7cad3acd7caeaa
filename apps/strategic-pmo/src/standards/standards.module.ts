import { PortfolioModule } from '../portfolio/portfolio.module';
import { PublicationPreviewService } from './publication-preview.service';
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
  imports: [FeedbackModule, VariancesModule, PortfolioModule, TypeOrmModule.forFeature([StandardEntity, StandardVersionEntity])],
  controllers: [StandardsController, StandardVersionsController, MethodologyController],
  providers: [StandardsService, StandardVersionsService, RolloutScheduler, PublicationPreviewService],
})
export class StandardsModule {}
