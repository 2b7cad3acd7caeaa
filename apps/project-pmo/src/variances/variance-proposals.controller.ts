import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, Roles, type Principal } from '@pmo/auth';
import type { VarianceDecidedV1, VarianceExpiredV1, VarianceProposalAnsweredV1, VarianceReviewedV1 } from '@pmo/contracts';
import { BodyOf, IdempotencyKey } from '@pmo/http';
import { PmoEventContext } from '@pmo/messaging';
import { proposeVarianceBody, type ProposeVarianceBody } from '@pmo/contracts';
import { VarianceProposalResponse } from './dto/variance-proposal.response';
import { VarianceProposalsService } from './variance-proposals.service';

@ApiTags('variance proposals')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project' })
@InScope({ kind: 'project', param: 'projectId' })
@Controller('projects/:projectId/variance-proposals')
export class VarianceProposalsController {
  constructor(private readonly proposals: VarianceProposalsService) {}

  @Post()
  @Roles('project-manager', 'program-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Propose a variance for the project to its program PMO, which forwards it to the strategic PMO or rejects it' })
  @ApiResponse({ status: HttpStatus.CREATED, type: VarianceProposalResponse, description: 'Proposed; variance.proposed is emitted' })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body or Idempotency-Key; the message names the field' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The project is closed' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'Version not in force for the program, unknown requirement, expiry not after today' })
  async propose(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @BodyOf(proposeVarianceBody) body: ProposeVarianceBody,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<VarianceProposalResponse> {
    return VarianceProposalResponse.of(await this.proposals.propose(projectId, body, principal, idempotencyKey));
  }

  @Get()
  @ApiOperation({ summary: "The project's proposals, newest first: proposed, forwarded (with the variance and its state) or rejected (with the reason)" })
  @ApiResponse({ status: HttpStatus.OK, type: [VarianceProposalResponse] })
  async list(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<VarianceProposalResponse[]> {
    return (await this.proposals.listProposals(projectId)).map(VarianceProposalResponse.of);
  }

  @EventPattern('pmo.variance.proposal-answered.v1')
  onProposalAnswered(@Payload() event: VarianceProposalAnsweredV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.proposals.recordAnswer(context.manager, event);
  }

  @EventPattern('pmo.variance.decided.v1')
  onVarianceDecided(@Payload() event: VarianceDecidedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.proposals.recordDecision(context.manager, event);
  }

  @EventPattern('pmo.variance.expired.v1')
  onVarianceExpired(@Payload() event: VarianceExpiredV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.proposals.recordExpiry(context.manager, event);
  }

  @EventPattern('pmo.variance.reviewed.v1')
  onVarianceReviewed(@Payload() event: VarianceReviewedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.proposals.recordReview(context.manager, event);
  }
}
