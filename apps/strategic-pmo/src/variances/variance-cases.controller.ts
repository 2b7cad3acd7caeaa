import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, Roles, type Principal } from '@pmo/auth';
import type { VarianceRequestedV1, VarianceWithdrawnV1 } from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import {
  conditionId,
  decideVarianceBody,
  type DecideVarianceBody,
  listVariancesQuery,
  type ListVariancesQuery,
  reasonBody,
  type ReasonBody,
} from '@pmo/contracts';
import { BodyOf, ParamOf, QueryOf } from '@pmo/http';
import { PortfolioScopes } from '../scopes/portfolio-scopes';
import { STRATEGIC_VIEW_ROLES, VARIANCE_DECIDERS, VARIANCE_REVIEWERS } from '../scopes/strategic-view-roles';
import { VarianceCaseResponse, VarianceCaseViewResponse } from './dto/variance-case.response';
import { VarianceCasesService, type VarianceCaseView } from './variance-cases.service';
import type { VarianceCaseEntity } from './variance-case.entity';
import { VarianceGroundService } from './variance-ground.service';

const OWN_REQUEST = { status: HttpStatus.FORBIDDEN, description: 'You requested this variance (separation of duties), or your role may not act' };

@ApiTags('variance review')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Roles(...STRATEGIC_VIEW_ROLES)
@Controller('variances')
export class VarianceCasesController {
  constructor(
    private readonly cases: VarianceCasesService,
    private readonly scopes: PortfolioScopes,
    private readonly ground: VarianceGroundService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Variance requests, newest first, filtered by state, program, standard, late and needs-review; flagged: late (past the decision SLA), conditionsOverdue, needsReview',
  })
  @ApiOkResponse({ type: [VarianceCaseViewResponse] })
  async list(@QueryOf(listVariancesQuery) query: ListVariancesQuery, @CurrentPrincipal() principal: Principal): Promise<VarianceCaseView[]> {
    return this.scopes.onlyReachable(principal, await this.cases.listCases(query));
  }

  @Get(':varianceId')
  @InScope({ kind: 'variance', param: 'varianceId' })
  @ApiOperation({ summary: 'One variance request' })
  @ApiOkResponse({ type: VarianceCaseViewResponse })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown variance' })
  get(@Param('varianceId', new ParseUUIDPipe()) varianceId: string): Promise<VarianceCaseView> {
    return this.cases.getCase(varianceId);
  }

  @Post(':varianceId/review')
  @HttpCode(HttpStatus.OK)
  @Roles('strategic-reviewer', 'strategic-admin')
  @ApiOperation({ summary: 'submitted → under-review' })
  @ApiOkResponse({ type: VarianceCaseResponse })
  @ApiResponse(OWN_REQUEST)
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Illegal transition: names the current and allowed states' })
  review(@Param('varianceId', new ParseUUIDPipe()) varianceId: string, @CurrentPrincipal() principal: Principal): Promise<VarianceCaseEntity> {
    return this.cases.startReview(varianceId, principal);
  }

  @Post(':varianceId/decide')
  @HttpCode(HttpStatus.OK)
  @Roles(...VARIANCE_DECIDERS)
  @ApiOperation({ summary: 'Decide: approved, approved-with-conditions (with conditions) or rejected; variance.decided is emitted' })
  @ApiOkResponse({ type: VarianceCaseResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; approved-with-conditions without conditions' })
  @ApiResponse(OWN_REQUEST)
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Illegal transition: names the current and allowed states' })
  decide(
    @Param('varianceId', new ParseUUIDPipe()) varianceId: string,
    @BodyOf(decideVarianceBody) body: DecideVarianceBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VarianceCaseEntity> {
    return this.cases.decide(varianceId, body, principal);
  }

  @Post(':varianceId/conditions/:conditionId/done')
  @HttpCode(HttpStatus.OK)
  @Roles('strategic-reviewer', 'strategic-admin')
  @ApiOperation({ summary: 'Mark a condition of an approval done; variance.condition-met is emitted' })
  @ApiOkResponse({ type: VarianceCaseResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Bad variance or condition id' })
  @ApiResponse(OWN_REQUEST)
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown variance or condition' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Not an approval with conditions, or the condition is already met' })
  markConditionMet(
    @Param('varianceId', new ParseUUIDPipe()) varianceId: string,
    @ParamOf('conditionId', conditionId) condition: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VarianceCaseEntity> {
    return this.cases.markConditionMet(varianceId, condition, principal);
  }

  @Post(':varianceId/confirm')
  @HttpCode(HttpStatus.OK)
  @Roles(...VARIANCE_REVIEWERS)
  @ApiOperation({ summary: 'An approval that needs review stands on its new ground: a new decision; variance.reviewed (confirmed)' })
  @ApiOkResponse({ type: VarianceCaseResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'reason missing' })
  @ApiResponse(OWN_REQUEST)
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown variance' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Not an approval, or it does not need review' })
  confirm(
    @Param('varianceId', new ParseUUIDPipe()) varianceId: string,
    @BodyOf(reasonBody) body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VarianceCaseEntity> {
    return this.ground.confirm(varianceId, body.reason, principal);
  }

  @Post(':varianceId/revoke')
  @HttpCode(HttpStatus.OK)
  @Roles(...VARIANCE_REVIEWERS)
  @ApiOperation({ summary: 'approved → revoked: its projects return to what applies without it; variance.reviewed (revoked)' })
  @ApiOkResponse({ type: VarianceCaseResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'reason missing' })
  @ApiResponse(OWN_REQUEST)
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown variance' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Illegal transition: names the current and allowed states' })
  revoke(
    @Param('varianceId', new ParseUUIDPipe()) varianceId: string,
    @BodyOf(reasonBody) body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VarianceCaseEntity> {
    return this.ground.revoke(varianceId, body.reason, principal);
  }

  @EventPattern('pmo.variance.withdrawn.v1')
  onVarianceWithdrawn(@Payload() event: VarianceWithdrawnV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.cases.recordWithdrawal(context.manager, event);
  }

  @EventPattern('pmo.variance.requested.v1')
  onVarianceRequested(@Payload() event: VarianceRequestedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.cases.openCase(context.manager, event);
  }
}
