import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pmo/auth';
import { roadmapFilterQuery, roadmapQuery, type RoadmapFilterQuery, type RoadmapQuery } from '@pmo/contracts';
import { ApiContent, QueryOf } from '@pmo/http';
import type { Response } from 'express';
import { PortfolioScopes } from '../scopes/portfolio-scopes';
import { STRATEGIC_VIEW_ROLES } from '../scopes/strategic-view-roles';
import { RoadmapPageResponse } from './dto/roadmap.response';
import { roadmapCalendar } from './roadmap-calendar';
import { roadmapCsv } from './roadmap-csv';
import { RoadmapService, type RoadmapPage } from './roadmap.service';

/** The running calendar of the portfolio: project plans, rollout waves; a program manager sees his programs. */
@ApiTags('roadmap')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Role not allowed' })
@ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid filter or window; the message names the field' })
@Roles(...STRATEGIC_VIEW_ROLES)
@Controller('roadmap')
export class RoadmapController {
  constructor(
    private readonly roadmap: RoadmapService,
    private readonly scopes: PortfolioScopes,
  ) {}

  @Get()
  @ApiOperation({ summary: 'One page of the roadmap: milestones, go-lives, project starts and ends, wave openings and adoption deadlines, by date' })
  @ApiResponse({ status: HttpStatus.OK, type: RoadmapPageResponse })
  async page(@QueryOf(roadmapQuery) query: RoadmapQuery, @CurrentPrincipal() principal: Principal): Promise<RoadmapPage> {
    return this.roadmap.page(query, await this.scopes.reachableProgramIds(principal));
  }

  @Get('calendar')
  @ApiOperation({ summary: 'The filtered roadmap as iCalendar: one all-day event per entry, with a stable UID so a re-import updates' })
  @ApiContent(HttpStatus.OK, 'An RFC 5545 calendar', { text: ['text/calendar'] })
  async calendar(
    @QueryOf(roadmapFilterQuery) query: RoadmapFilterQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const entries = await this.roadmap.all(query, await this.scopes.reachableProgramIds(principal));
    response.type('text/calendar').attachment('roadmap.ics');
    return roadmapCalendar(entries, 'PMO roadmap');
  }

  @Get('csv')
  @ApiOperation({ summary: 'The filtered roadmap as CSV, one row per entry' })
  @ApiContent(HttpStatus.OK, 'RFC 4180 CSV with a header row', { text: ['text/csv'] })
  async csv(
    @QueryOf(roadmapFilterQuery) query: RoadmapFilterQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const entries = await this.roadmap.all(query, await this.scopes.reachableProgramIds(principal));
    response.type('text/csv').attachment('roadmap.csv');
    return roadmapCsv(entries);
  }
}
