import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal, InScope } from '@pmo/auth';
import type { VarianceRequestedV1 } from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import { DecideVarianceDto } from './dto/decide-variance.dto';
import { PortfolioScopes } from '../scopes/portfolio-scopes';
import { STRATEGIC_VIEW_ROLES } from '../scopes/strategic-view-roles';
import { VarianceCasesService, type VarianceCaseView } from './variance-cases.service';
import type { VarianceCaseEntity } from './variance-case.entity';

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
  ) {}

  @Get()
  @ApiOperation({ summary: 'Variance requests under review, newest first; late ones (past the decision SLA) are flagged' })
  @ApiResponse({ status: HttpStatus.OK })
  async list(@CurrentPrincipal() principal: Principal): Promise<VarianceCaseView[]> {
    return this.scopes.onlyReachable(principal, await this.cases.listCases());
  }

  @Get(':varianceId')
  @InScope({ kind: 'variance', param: 'varianceId' })
  @ApiOperation({ summary: 'One variance request' })
  @ApiResponse({ status: HttpStatus.OK })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown variance' })
  get(@Param('varianceId', new ParseUUIDPipe()) varianceId: string): Promise<VarianceCaseEntity> {
    return this.cases.getCase(varianceId);
  }

  @Post(':varianceId/review')
  @HttpCode(HttpStatus.OK)
  @Roles('strategic-reviewer', 'strategic-admin')
  @ApiOperation({ summary: 'submitted → under-review' })
  @ApiResponse({ status: HttpStatus.OK })
  @ApiResponse(OWN_REQUEST)
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Illegal transition: names the current and allowed states' })
  review(@Param('varianceId', new ParseUUIDPipe()) varianceId: string, @CurrentPrincipal() principal: Principal): Promise<VarianceCaseEntity> {
    return this.cases.startReview(varianceId, principal);
  }

  @Post(':varianceId/decide')
  @HttpCode(HttpStatus.OK)
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'Decide: approved, approved-with-conditions (with conditions) or rejected; variance.decided is emitted' })
  @ApiResponse({ status: HttpStatus.OK })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; approved-with-conditions without conditions' })
  @ApiResponse(OWN_REQUEST)
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Illegal transition: names the current and allowed states' })
  decide(@Param('varianceId', new ParseUUIDPipe()) varianceId: string, @Body() body: DecideVarianceDto, @CurrentPrincipal() principal: Principal): Promise<VarianceCaseEntity> {
    return this.cases.decide(varianceId, body, principal);
  }

  @EventPattern('pmo.variance.requested.v1')
  onVarianceRequested(@Payload() event: VarianceRequestedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.cases.openCase(context.manager, event);
  }
}
