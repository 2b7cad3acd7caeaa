import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, Roles, type Principal } from '@pmo/auth';
import { reasonBody, type ReasonBody } from '@pmo/contracts';
import { BodyOf, withoutIdempotencyKey, type WithoutIdempotencyKey } from '@pmo/http';
import { VarianceNoticeResponse } from './dto/variance-notice.response';
import { VarianceProposalResponse } from './dto/variance-proposal.response';
import { VarianceRequestResponse } from './dto/variance-request.response';
import { VarianceOutcomesService } from './variance-outcomes.service';
import { VarianceProposalsService } from './variance-proposals.service';
import type { VarianceRequestEntity } from './variance-request.entity';

@ApiTags('variances')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown program or proposal' })
@InScope({ kind: 'program', param: 'programId' })
@Controller('programs/:programId')
export class VarianceProposalsController {
  constructor(
    private readonly proposals: VarianceProposalsService,
    private readonly outcomes: VarianceOutcomesService,
  ) {}

  @Get('variance-proposals')
  @ApiOperation({ summary: "Variances the program's project PMOs proposed, newest first, with the program's answer" })
  @ApiResponse({ status: HttpStatus.OK, type: [VarianceProposalResponse] })
  async list(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<VarianceProposalResponse[]> {
    return (await this.proposals.listProposals(programId)).map(VarianceProposalResponse.of);
  }

  @Post('variance-proposals/:proposalId/forward')
  @Roles('program-manager', 'strategic-admin')
  @ApiOperation({ summary: "Forward a proposal to the strategic PMO as the program's request (same content)" })
  @ApiCreatedResponse({ type: VarianceRequestResponse, description: 'The variance request; variance.requested and variance.proposal-answered are emitted' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Already forwarded or rejected' })
  @ApiResponse({
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    description: "Version no longer in force, project not in the program, expiry after the standard's longest variance",
  })
  async forward(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @Param('proposalId', new ParseUUIDPipe()) proposalId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WithoutIdempotencyKey<VarianceRequestEntity>> {
    return withoutIdempotencyKey(await this.proposals.forward(programId, proposalId, principal));
  }

  @Post('variance-proposals/:proposalId/reject')
  @HttpCode(HttpStatus.OK)
  @Roles('program-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Reject a proposal with a reason; the project PMO sees it (variance.proposal-answered)' })
  @ApiResponse({ status: HttpStatus.OK, type: VarianceProposalResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'reason missing' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Already forwarded or rejected' })
  async reject(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @Param('proposalId', new ParseUUIDPipe()) proposalId: string,
    @BodyOf(reasonBody) body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VarianceProposalResponse> {
    return VarianceProposalResponse.of(await this.proposals.reject(programId, proposalId, body.reason, principal));
  }

  @Get('variance-notices')
  @ApiOperation({
    summary: "What happened to the program's variances, newest first: rejected, expired, revoked, escalated, conditions overdue, review needed or confirmed",
  })
  @ApiResponse({ status: HttpStatus.OK, type: [VarianceNoticeResponse] })
  async notices(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<VarianceNoticeResponse[]> {
    return (await this.outcomes.listNotices(programId)).map(VarianceNoticeResponse.of);
  }
}
