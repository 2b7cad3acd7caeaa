import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, Roles, type Principal } from '@pmo/auth';
import { BodyOf, IdempotencyKey, withoutIdempotencyKey, type WithoutIdempotencyKey } from '@pmo/http';
import { reasonBody, type ReasonBody, requestVarianceBody, type RequestVarianceBody } from '@pmo/contracts';
import { VarianceRequestResponse, VarianceRequestViewResponse } from './dto/variance-request.response';
import type { VarianceRequestEntity } from './variance-request.entity';
import { VariancesService, type VarianceRequestView } from './variances.service';

const NOT_REQUESTABLE = {
  status: HttpStatus.UNPROCESSABLE_ENTITY,
  description: "Version not in force, unknown requirement, project of another program, expiry after the standard's longest variance",
};

@ApiTags('variances')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown program or variance' })
@InScope({ kind: 'program', param: 'programId' })
@Controller('programs/:programId/variances')
export class VariancesController {
  constructor(private readonly variances: VariancesService) {}

  @Post()
  @Roles('program-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Ask the strategic PMO in advance to approve a variance beyond leeway' })
  @ApiCreatedResponse({ type: VarianceRequestResponse, description: 'Submitted; variance.requested is emitted' })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body or Idempotency-Key; the message names the field' })
  @ApiResponse(NOT_REQUESTABLE)
  async requestVariance(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @BodyOf(requestVarianceBody) body: RequestVarianceBody,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<WithoutIdempotencyKey<VarianceRequestEntity>> {
    return withoutIdempotencyKey(await this.variances.requestVariance(programId, body, principal, idempotencyKey));
  }

  @Get()
  @ApiOperation({ summary: "The program's variance requests and their decisions, newest first; flagged: late, conditionsOverdue, needsReview" })
  @ApiOkResponse({ type: [VarianceRequestViewResponse] })
  async list(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<WithoutIdempotencyKey<VarianceRequestView>[]> {
    return (await this.variances.listVariances(programId)).map(withoutIdempotencyKey);
  }

  @Get(':varianceId')
  @ApiOperation({ summary: 'One variance request of the program' })
  @ApiOkResponse({ type: VarianceRequestViewResponse })
  async get(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @Param('varianceId', new ParseUUIDPipe()) varianceId: string,
  ): Promise<WithoutIdempotencyKey<VarianceRequestView>> {
    return withoutIdempotencyKey(await this.variances.getVariance(programId, varianceId));
  }

  @Post(':varianceId/withdraw')
  @HttpCode(HttpStatus.OK)
  @Roles('program-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Withdraw a request before its decision (its requester only); variance.withdrawn is emitted' })
  @ApiOkResponse({ type: VarianceRequestResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'reason missing' })
  @ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Not the requester' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Illegal transition: names the current and allowed states' })
  async withdraw(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @Param('varianceId', new ParseUUIDPipe()) varianceId: string,
    @BodyOf(reasonBody) body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WithoutIdempotencyKey<VarianceRequestEntity>> {
    return withoutIdempotencyKey(await this.variances.withdrawVariance(programId, varianceId, body.reason, principal));
  }

  @Post(':varianceId/revisions')
  @Roles('program-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Revise a rejected request and submit it again: a new request linked to it (revisionOf)' })
  @ApiCreatedResponse({ type: VarianceRequestResponse, description: 'Submitted; variance.requested (with revisionOf) is emitted' })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body or Idempotency-Key; the message names the field' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The request is not rejected, or was already revised' })
  @ApiResponse(NOT_REQUESTABLE)
  async revise(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @Param('varianceId', new ParseUUIDPipe()) varianceId: string,
    @BodyOf(requestVarianceBody) body: RequestVarianceBody,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<WithoutIdempotencyKey<VarianceRequestEntity>> {
    return withoutIdempotencyKey(await this.variances.reviseVariance(programId, varianceId, body, principal, idempotencyKey));
  }
}
