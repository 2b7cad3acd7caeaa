import { Module } from '@nestjs/common';
import { FeedbackModule } from '../feedback/feedback.module';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { PrioritiesModule } from '../priorities/priorities.module';
import { VariancesModule } from '../variances/variances.module';
import { CommitteesController } from './committees.controller';
import { CommitteesService } from './committees.service';
import { DecisionsService } from './decisions.service';
import { MeetingsService } from './meetings.service';

/** Steering committees: meetings, agendas built from what needs a decision, and the decision log. */
@Module({
  imports: [FeedbackModule, PortfolioModule, PrioritiesModule, VariancesModule],
  controllers: [CommitteesController],
  providers: [CommitteesService, MeetingsService, DecisionsService],
})
export class CommitteesModule {}
