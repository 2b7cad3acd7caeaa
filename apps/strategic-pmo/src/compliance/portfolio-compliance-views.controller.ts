import { Controller, Get, HttpStatus, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pmo/auth';
import {
  ComplianceHeatmapResponse,
  ComplianceRowsPageResponse,
  ComplianceSummaryResponse,
  decodeComplianceCursor,
  type SelectionFilter,
} from '@pmo/compliance-model';
import { complianceFilterQuery, complianceRowsQuery, type ComplianceFilterQuery, type ComplianceRowsQuery } from '@pmo/contracts';
import { ApiContent, InvalidCursorError, QueryOf, sendJson, streamChunks } from '@pmo/http';
import type { Request, Response } from 'express';
import { PortfolioScopes } from '../scopes/portfolio-scopes';
import { STRATEGIC_VIEW_ROLES } from '../scopes/strategic-view-roles';
import { PortfolioComplianceModel } from './portfolio-compliance-model';

/** The portfolio dashboard's answers, from the compliance read model: counts in SQL, keyset pages, streamed CSV. */
@ApiTags('portfolio')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Role not allowed' })
@ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid filter; the message names the field' })
@Roles(...STRATEGIC_VIEW_ROLES)
@Controller('portfolio/compliance')
export class PortfolioComplianceViewsController {
  constructor(
    private readonly model: PortfolioComplianceModel,
    private readonly scopes: PortfolioScopes,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: 'Compliance counts of the portfolio, per program and per standard, now or as of an instant' })
  @ApiResponse({ status: HttpStatus.OK, type: ComplianceSummaryResponse })
  async summary(
    @QueryOf(complianceFilterQuery) query: ComplianceFilterQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await sendJson(request, response, await this.model.views.summary(await this.filterOf(query, principal)));
  }

  @Get('heatmap')
  @ApiOperation({ summary: 'Compliance counts per program × standard (the heatmap)' })
  @ApiResponse({ status: HttpStatus.OK, type: ComplianceHeatmapResponse })
  async heatmap(
    @QueryOf(complianceFilterQuery) query: ComplianceFilterQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await sendJson(request, response, await this.model.views.heatmap(await this.filterOf(query, principal)));
  }

  @Get('rows')
  @ApiOperation({ summary: 'One page of compliance rows, filtered; `next` is the cursor of the following page' })
  @ApiResponse({ status: HttpStatus.OK, type: ComplianceRowsPageResponse })
  async rows(
    @QueryOf(complianceRowsQuery) query: ComplianceRowsQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const cursor = query.after === undefined ? null : (decodeComplianceCursor(query.after) ?? null);
    if (query.after !== undefined && cursor === null) throw new InvalidCursorError();
    await sendJson(request, response, await this.model.views.rows(await this.filterOf(query, principal), cursor, query.limit ?? 100));
  }

  @Get('export')
  @ApiOperation({ summary: 'Every filtered compliance row as CSV, streamed' })
  @ApiContent(HttpStatus.OK, 'The rows as RFC 4180 CSV with a header row', { text: ['text/csv'] })
  async export(
    @QueryOf(complianceFilterQuery) query: ComplianceFilterQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    await streamChunks(response, 'text/csv', this.model.views.csv(await this.filterOf(query, principal)));
  }

  private async filterOf(query: ComplianceFilterQuery, principal: Principal): Promise<SelectionFilter> {
    const reachable = await this.scopes.reachableProgramIds(principal);
    return {
      asOf: query.asOf ? new Date(query.asOf) : null,
      reachable: reachable ? [...reachable] : null,
      program: query.program,
      standard: query.standard,
      state: query.state,
      tag: query.tag,
      text: query.q,
    };
  }
}
