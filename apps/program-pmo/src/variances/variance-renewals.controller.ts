import { Controller, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, Roles, type Principal } from '@pmo/auth';
import { renewVarianceBody, type RenewVarianceBody, type VarianceRenewalDecidedV1 } from '@pmo/contracts';
import { BodyOf, withoutIdempotencyKey, type WithoutIdempotencyKey } from '@pmo/http';
import { PmoEventContext } from '@pmo/messaging';
import { VarianceRequestResponse } from './dto/variance-request.response';
import type { VarianceRequestEntity } from './variance-request.entity';
import { VarianceRenewalsService } from './variance-renewals.service';

@ApiTags('variances')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Controller('programs/:programId/variances')
export class VarianceRenewalsController {
  constructor(private readonly renewals: VarianceRenewalsService) {}

  @Post(':varianceId/renewals')
  @InScope({ kind: 'program', param: 'programId' })
  @Roles('program-manager', 'strategic-admin')
  @ApiOperation({
    summary:
      'Ask the strategic PMO to renew an approval in force with a later end date; variance.renewal-requested is emitted. The approval stands until its own end date while the renewal is undecided',
  })
  @ApiCreatedResponse({ type: VarianceRequestResponse, description: 'The variance with the renewal asked (renewals, last one submitted)' })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown program or variance' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Not an approval in force, or a renewal is already waiting for its decision' })
  @ApiResponse({
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    description: "New end date not after the current one, or later than the standard's longest variance from the first approval",
  })
  async renew(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @Param('varianceId', new ParseUUIDPipe()) varianceId: string,
    @BodyOf(renewVarianceBody) body: RenewVarianceBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WithoutIdempotencyKey<VarianceRequestEntity>> {
    return withoutIdempotencyKey(await this.renewals.requestRenewal(programId, varianceId, body, principal));
  }

  @EventPattern('pmo.variance.renewal-decided.v1')
  onRenewalDecided(@Payload() event: VarianceRenewalDecidedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.renewals.recordDecision(context.manager, event);
  }
}
