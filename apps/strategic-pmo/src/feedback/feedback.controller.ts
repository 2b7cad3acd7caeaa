import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pmo/auth';
import type { FeedbackSubmittedV1, LessonSentAsFeedbackV1 } from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import { triageFeedbackBody, type TriageFeedbackBody } from '@pmo/contracts';
import { BodyOf } from '@pmo/http';
import type { FeedbackItemEntity } from './feedback-item.entity';
import { PortfolioScopes } from '../scopes/portfolio-scopes';
import { FEEDBACK_TRIAGERS, STRATEGIC_VIEW_ROLES } from '../scopes/strategic-view-roles';
import { FeedbackItemResponse } from './dto/feedback-item.response';
import { FeedbackTriageService } from './feedback-triage.service';

@ApiTags('feedback triage')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Controller('feedback')
export class FeedbackController {
  constructor(
    private readonly feedback: FeedbackTriageService,
    private readonly scopes: PortfolioScopes,
  ) {}

  @Get()
  @Roles(...STRATEGIC_VIEW_ROLES)
  @ApiOperation({ summary: 'Feedback from the programs (a program manager: his own), newest first' })
  @ApiOkResponse({ type: [FeedbackItemResponse] })
  async list(@CurrentPrincipal() principal: Principal): Promise<FeedbackItemEntity[]> {
    return this.scopes.onlyReachable(principal, await this.feedback.list());
  }

  @Post(':feedbackId/triage')
  @HttpCode(HttpStatus.OK)
  @Roles(...FEEDBACK_TRIAGERS)
  @ApiOperation({ summary: 'Triage: accepted (a planned revision), declined (with a reason) or resolved-by-variance' })
  @ApiOkResponse({ type: FeedbackItemResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; a declined feedback needs a reason' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown feedback' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'The revision is not a draft of the same standard, or the variance is unknown' })
  triage(
    @Param('feedbackId', new ParseUUIDPipe()) feedbackId: string,
    @BodyOf(triageFeedbackBody) body: TriageFeedbackBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FeedbackItemEntity> {
    return this.feedback.triage(feedbackId, body, principal);
  }

  @EventPattern('pmo.feedback.submitted.v1')
  onFeedbackSubmitted(@Payload() event: FeedbackSubmittedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.feedback.receive(context.manager, event);
  }

  @EventPattern('pmo.project.lesson-sent-as-feedback.v1')
  onLessonSentAsFeedback(@Payload() event: LessonSentAsFeedbackV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.feedback.receiveLesson(context.manager, event);
  }
}
