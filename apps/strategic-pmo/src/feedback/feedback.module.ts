import { Module } from '@nestjs/common';
import { FeedbackController } from './feedback.controller';
import { FeedbackTriageService } from './feedback-triage.service';

@Module({
  controllers: [FeedbackController],
  providers: [FeedbackTriageService],
  exports: [FeedbackTriageService],
})
export class FeedbackModule {}
