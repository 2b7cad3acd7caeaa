import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, Roles, type Principal } from '@pmo/auth';
import { BodyOf, IdempotencyKey, withoutIdempotencyKey, type WithoutIdempotencyKey } from '@pmo/http';
import type { FeedbackTriagedV1 } from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import { submitFeedbackBody, type SubmitFeedbackBody } from '@pmo/contracts';
import { ProgramFeedbackResponse } from './dto/program-feedback.response';
import { FeedbackService } from './feedback.service';
import type { ProgramFeedbackEntity } from './program-feedback.entity';

@ApiTags('feedback')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown program' })
@InScope({ kind: 'program', param: 'programId' })
@Controller('programs/:programId/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post()
  @Roles('program-manager', 'project-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Send feedback on a standard version up to the strategic PMO' })
  @ApiCreatedResponse({ type: ProgramFeedbackResponse, description: 'Sent; feedback.submitted is emitted' })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'The version does not apply to the program' })
  async submit(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @BodyOf(submitFeedbackBody) body: SubmitFeedbackBody,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<WithoutIdempotencyKey<ProgramFeedbackEntity>> {
    return withoutIdempotencyKey(await this.feedback.submit(programId, body, principal, idempotencyKey));
  }

  @Get()
  @ApiOperation({ summary: "The program's feedback and the strategic PMO's answers, newest first" })
  @ApiOkResponse({ type: [ProgramFeedbackResponse] })
  async list(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<WithoutIdempotencyKey<ProgramFeedbackEntity>[]> {
    return (await this.feedback.list(programId)).map(withoutIdempotencyKey);
  }

  @EventPattern('pmo.feedback.triaged.v1')
  onFeedbackTriaged(@Payload() event: FeedbackTriagedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.feedback.recordTriage(context.manager, event);
  }
}
