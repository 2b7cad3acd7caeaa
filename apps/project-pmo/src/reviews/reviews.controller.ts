import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, Roles, type Principal } from '@pmo/auth';
import { sendLessonAsFeedbackBody, type SendLessonAsFeedbackBody } from '@pmo/contracts';
import { BodyOf } from '@pmo/http';
import { ProjectLessonResponse, ProjectReviewResponse } from './dto/project-review.response';
import { ReviewsService } from './reviews.service';

@ApiTags('projects')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Controller('projects/:projectId/review')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  @InScope({ kind: 'project', param: 'projectId' })
  @ApiOperation({ summary: "The closed project's post-implementation review and its lessons learned" })
  @ApiResponse({ status: HttpStatus.OK, type: ProjectReviewResponse })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project, or closed without a review' })
  async getReview(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<ProjectReviewResponse> {
    return ProjectReviewResponse.of(await this.reviews.reviewOf(projectId));
  }

  @Post('lessons/:lessonId/send-as-feedback')
  @InScope({ kind: 'project', param: 'projectId' })
  @HttpCode(HttpStatus.OK)
  @Roles('project-manager', 'program-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Send a lesson to the strategic PMO as feedback on the standard version it concerns' })
  @ApiResponse({ status: HttpStatus.OK, type: ProjectLessonResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project or lesson' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The lesson was already sent' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'The lesson names no standard version' })
  async sendLessonAsFeedback(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Param('lessonId', new ParseUUIDPipe()) lessonId: string,
    @BodyOf(sendLessonAsFeedbackBody) body: SendLessonAsFeedbackBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectLessonResponse> {
    return ProjectLessonResponse.of(await this.reviews.sendLessonAsFeedback(projectId, lessonId, body, principal));
  }
}
