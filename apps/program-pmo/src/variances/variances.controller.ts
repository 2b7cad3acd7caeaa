import { Body, Controller, Get, Headers, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, type Principal, Roles } from '@pmo/auth';
import type { VarianceDecidedV1, VarianceExpiredV1 } from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import { RequestVarianceDto } from './dto/request-variance.dto';
import type { VarianceRequestEntity } from './variance-request.entity';
import { VariancesService } from './variances.service';
import { checkIdempotencyKey } from '../idempotency-key';

@ApiTags('variances')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown program' })
@InScope({ kind: 'program', param: 'programId' })
@Controller('programs/:programId/variances')
export class VariancesController {
  constructor(private readonly variances: VariancesService) {}

  @Post()
  @Roles('program-manager', 'strategic-admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key gets the first result, never a duplicate' })
  @ApiOperation({ summary: 'Ask the strategic PMO in advance to approve a variance beyond leeway' })
  @ApiResponse({ status: HttpStatus.CREATED, description: 'Submitted; variance.requested is emitted' })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'Version not in force, unknown requirement, project of another program, expiry out of range' })
  requestVariance(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @Body() body: RequestVarianceDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<VarianceRequestEntity> {
    checkIdempotencyKey(idempotencyKey);
    return this.variances.requestVariance(programId, body, principal, idempotencyKey);
  }

  @Get()
  @ApiOperation({ summary: "The program's variance requests and their decisions, newest first" })
  @ApiResponse({ status: HttpStatus.OK })
  list(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<VarianceRequestEntity[]> {
    return this.variances.listVariances(programId);
  }

  @EventPattern('pmo.variance.decided.v1')
  onVarianceDecided(@Payload() event: VarianceDecidedV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.variances.recordDecision(context.manager, event);
  }

  @EventPattern('pmo.variance.expired.v1')
  onVarianceExpired(@Payload() event: VarianceExpiredV1, @Ctx() context: PmoEventContext): Promise<void> {
    return this.variances.recordExpiry(context.manager, event);
  }
}
