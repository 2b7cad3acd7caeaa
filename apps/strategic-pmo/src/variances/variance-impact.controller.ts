import { Controller, Get, HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InScope, Roles } from '@pmo/auth';
import { STRATEGIC_VIEW_ROLES } from '../scopes/strategic-view-roles';
import { VarianceImpactResponse } from './dto/variance-impact.response';
import { VarianceImpactService } from './variance-impact.service';

@ApiTags('variance review')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Role not allowed' })
@Roles(...STRATEGIC_VIEW_ROLES)
@Controller('variances')
export class VarianceImpactController {
  constructor(private readonly impact: VarianceImpactService) {}

  @Get(':varianceId/impact')
  @InScope({ kind: 'variance', param: 'varianceId' })
  @ApiOperation({
    summary:
      'Before the decision: which projects change state if it is approved, program and portfolio percent compliant before and after, other active variances on the same requirements, and how many the program holds on this standard',
  })
  @ApiResponse({ status: HttpStatus.OK, type: VarianceImpactResponse })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown variance' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Already decided' })
  impactOf(@Param('varianceId', new ParseUUIDPipe()) varianceId: string): Promise<VarianceImpactResponse> {
    return this.impact.impactOf(varianceId);
  }
}
