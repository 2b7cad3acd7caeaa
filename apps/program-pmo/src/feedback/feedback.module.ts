import { Module } from '@nestjs/common';
import { StandardsViewModule } from '@pmo/standards-view';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';

@Module({
  imports: [StandardsViewModule],
  controllers: [FeedbackController],
  providers: [FeedbackService],
})
export class FeedbackModule {}
