import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pmo/auth';
import {
  createStandardBody,
  type CreateStandardBody,
  grandfatheringPolicyBody,
  type GrandfatheringPolicyBody,
  variancePolicyBody,
  type VariancePolicyBody,
  listStandardsQuery,
  type ListStandardsQuery,
} from '@pmo/contracts';
import { BodyOf, QueryOf } from '@pmo/http';
import { StandardPageResponse, StandardResponse } from './dto/standard.response';
import { StandardsService } from './standards.service';

@ApiTags('standards')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Controller('standards')
export class StandardsController {
  constructor(private readonly standards: StandardsService) {}

  @Post()
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'Add a standard (methodology, standard, report format or tool) to the catalog' })
  @ApiResponse({ status: HttpStatus.CREATED, type: StandardResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Only strategic-admin' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The key is taken' })
  createStandard(@BodyOf(createStandardBody) body: CreateStandardBody, @CurrentPrincipal() principal: Principal): Promise<StandardResponse> {
    return this.standards.createStandard(body, principal);
  }

  @Get()
  @ApiOperation({ summary: 'List the catalog: filter by kind, version state, tag or text; sort; a page at a time' })
  @ApiResponse({ status: HttpStatus.OK, type: StandardPageResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid filter, sort or cursor' })
  listStandards(@QueryOf(listStandardsQuery) query: ListStandardsQuery): Promise<StandardPageResponse> {
    return this.standards.listStandards(query);
  }

  @Get(':standardId')
  @ApiOperation({ summary: 'One standard with its versions' })
  @ApiResponse({ status: HttpStatus.OK, type: StandardResponse })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown standard' })
  getStandard(@Param('standardId', new ParseUUIDPipe()) standardId: string): Promise<StandardResponse> {
    return this.standards.describeStandard(standardId);
  }

  @Put(':standardId/variance-policy')
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'Set how the standard treats variances: the longest a variance may run and the decision SLA' })
  @ApiResponse({ status: HttpStatus.OK, type: StandardResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Only strategic-admin' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown standard' })
  setVariancePolicy(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @BodyOf(variancePolicyBody) body: VariancePolicyBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StandardResponse> {
    return this.standards.setVariancePolicy(standardId, body, principal);
  }

  @Put(':standardId/grandfathering-policy')
  @Roles('strategic-admin')
  @ApiOperation({
    summary: 'Set the percent complete from which a project may be grandfathered on this standard (default 90; a closing project always may)',
  })
  @ApiResponse({ status: HttpStatus.OK, type: StandardResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; thresholdPercent must be a whole number from 0 to 100' })
  @ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Only strategic-admin' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown standard' })
  setGrandfatheringPolicy(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @BodyOf(grandfatheringPolicyBody) body: GrandfatheringPolicyBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StandardResponse> {
    return this.standards.setGrandfatheringPolicy(standardId, body.thresholdPercent, principal);
  }
}
