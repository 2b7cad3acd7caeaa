import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pmo/auth';
import { decideRenewalBody, type DecideRenewalBody, type VarianceRenewalRequestedV1 } from '@pmo/contracts';
import { BodyOf } from '@pmo/http';
import { PmoEventContext } from '@pmo/messaging';
import { VarianceCaseResponse } from './dto/variance-case.response';
import type { VarianceCaseEntity } from './variance-case.entity';
import { VarianceRenewalsService } from './variance-renewals.service';

const OWN_REQUEST = {
  status: HttpStatus.FORBIDDEN,
  description: 'You requested this variance or asked for its renewal (separation of duties), or your role may not act',
};
const NOT_PENDING = {
  status: HttpStatus.CONFLICT,
  description: 'The approval is no longer in force, no renewal is waiting, or the renewal is not in a state that allows it',
};

@ApiTags('variance review')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Controller('variances')
export class VarianceRenewalsController {
  constructor(private readonly renewals: VarianceRenewalsService) {}

  @Post(':varianceId/renewal/review')
  @HttpCode(HttpStatus.OK)
  @Roles('strategic-reviewer', 'strategic-admin')
  @ApiOperation({ summary: 'The renewal waiting for its decision: submitted → under-review' })
  @ApiOkResponse({ type: VarianceCaseResponse })
  @ApiResponse(OWN_REQUEST)
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown variance' })
  @ApiResponse(NOT_PENDING)
  review(@Param('varianceId', new ParseUUIDPipe()) varianceId: string, @CurrentPrincipal() principal: Principal): Promise<VarianceCaseEntity> {
    return this.renewals.startReview(varianceId, principal);
  }

  @Post(':varianceId/renewal/decide')
  @HttpCode(HttpStatus.OK)
  @Roles('strategic-admin')
  @ApiOperation({
    summary: 'Decide the renewal under review: approved moves the end date, rejected leaves it to expire as before; variance.renewal-decided is emitted',
  })
  @ApiOkResponse({ type: VarianceCaseResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse(OWN_REQUEST)
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown variance' })
  @ApiResponse(NOT_PENDING)
  decide(
    @Param('varianceId', new ParseUUIDPipe()) varianceId: string,
    @BodyOf(decideRenewalBody) body: DecideRenewalBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VarianceCaseEntity> {
    return this.renewals.decide(varianceId, body, principal);
  }

  @EventPattern('pmo.variance.renewal-requested.v1')
  onRenewalRequested(@Payload() event: VarianceRenewalRequestedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.renewals.openRenewal(context.manager, event);
  }
}
