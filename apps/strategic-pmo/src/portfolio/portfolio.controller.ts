import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pmo/auth';
import { complianceCsv, portfolioComplianceQuery, type PortfolioComplianceQuery } from '@pmo/contracts';
import { ApiContent, QueryOf } from '@pmo/http';
import type { Response } from 'express';
import { PortfolioComplianceResponse } from './dto/portfolio-compliance.response';
import { PortfolioComplianceService, type PortfolioCompliance } from './portfolio-compliance.service';
import { PortfolioProgramResponse } from './dto/portfolio-program.response';
import { PortfolioScopes } from '../scopes/portfolio-scopes';
import { STRATEGIC_VIEW_ROLES } from '../scopes/strategic-view-roles';
import { PortfolioService } from './portfolio.service';

@ApiTags('portfolio')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Role not allowed' })
@Roles(...STRATEGIC_VIEW_ROLES)
@Controller('portfolio')
export class PortfolioController {
  constructor(
    private readonly portfolio: PortfolioService,
    private readonly compliance: PortfolioComplianceService,
    private readonly scopes: PortfolioScopes,
  ) {}

  @Get('programs')
  @ApiOperation({ summary: 'Every program in the portfolio (a program manager: his own) with its project count' })
  @ApiResponse({ status: HttpStatus.OK, type: [PortfolioProgramResponse] })
  async listPrograms(@CurrentPrincipal() principal: Principal): Promise<PortfolioProgramResponse[]> {
    return this.portfolio.listPrograms(await this.scopes.reachableProgramIds(principal));
  }

  @Get('compliance')
  @ApiOperation({
    summary: 'Portfolio compliance: counts per state, per program and per standard, percent compliant, the rows (drill-down); filters; as of any date; CSV',
  })
  @ApiContent(HttpStatus.OK, 'asOf, summary, byProgram, byStandard, rows; with format=csv the rows as CSV', {
    json: PortfolioComplianceResponse,
    text: ['text/csv'],
  })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid filter' })
  async complianceOf(
    @QueryOf(portfolioComplianceQuery) query: PortfolioComplianceQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PortfolioCompliance | string> {
    const compliance = await this.compliance.complianceOf(query, await this.scopes.reachableProgramIds(principal));
    if (query.format !== 'csv') return compliance;
    response.type('text/csv');
    return complianceCsv(compliance.rows);
  }
}
