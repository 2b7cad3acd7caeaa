import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pmo/auth';
import { METRIC_WEEKS, metricsQuery, type MetricsQuery } from '@pmo/contracts';
import { Clock, QueryOf } from '@pmo/http';
import { PortfolioScopes } from '../scopes/portfolio-scopes';
import { STRATEGIC_VIEW_ROLES } from '../scopes/strategic-view-roles';
import { AdoptionMetrics } from './adoption-metrics';
import { ComplianceTrendMetrics } from './compliance-trend';
import { AdoptionWavesResponse, ComplianceTrendResponse, VarianceDecisionMetricsResponse } from './dto/governance-metrics.response';
import { HealthMetricsResponse, RedReportsResponse } from './dto/health.response';
import { MetricDefinitionResponse } from './dto/metric-definition.response';
import { HealthMetrics } from './health-metrics';
import { METRIC_DEFINITIONS, type MetricDefinition } from './metric-definitions';
import type { MetricWindow } from './metric-window';
import { VarianceMetrics } from './variance-metrics';

/** The governance metrics, each computed in SQL over stored rows; program managers see their programs only. */
@ApiTags('metrics')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Role not allowed' })
@Roles(...STRATEGIC_VIEW_ROLES)
@Controller('portfolio/metrics')
export class MetricsController {
  constructor(
    private readonly clock: Clock,
    private readonly scopes: PortfolioScopes,
    private readonly health: HealthMetrics,
    private readonly variances: VarianceMetrics,
    private readonly adoption: AdoptionMetrics,
    private readonly compliance: ComplianceTrendMetrics,
  ) {}

  @Get('definitions')
  @ApiOperation({ summary: 'The catalog of metric definitions: name, formula in words, unit and source of each' })
  @ApiOkResponse({ type: [MetricDefinitionResponse] })
  definitions(): readonly MetricDefinition[] {
    return METRIC_DEFINITIONS;
  }

  @Get('health')
  @ApiOperation({ summary: 'Schedule, budget and overall health: per program and portfolio roll-ups now, weekly trend, projects of one program' })
  @ApiOkResponse({ type: HealthMetricsResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid query; the message names the field' })
  async healthMetrics(@QueryOf(metricsQuery) query: MetricsQuery, @CurrentPrincipal() principal: Principal): Promise<HealthMetricsResponse> {
    const window = await this.windowOf(query, principal);
    return { asOf: window.asOf.toISOString(), ...(await this.health.health(window, query.program !== undefined)) };
  }

  @Get('red-reports')
  @ApiOperation({ summary: 'Open projects whose current status report is red, with how long they have been red' })
  @ApiOkResponse({ type: RedReportsResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid query; the message names the field' })
  async redReports(@QueryOf(metricsQuery) query: MetricsQuery, @CurrentPrincipal() principal: Principal): Promise<RedReportsResponse> {
    const window = await this.windowOf(query, principal);
    return { asOf: window.asOf.toISOString(), ...(await this.health.redReports(window)) };
  }

  @Get('variance-decisions')
  @ApiOperation({ summary: 'Time to decide variance requests against their SLA, per week' })
  @ApiOkResponse({ type: VarianceDecisionMetricsResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid query; the message names the field' })
  async varianceDecisions(@QueryOf(metricsQuery) query: MetricsQuery, @CurrentPrincipal() principal: Principal): Promise<VarianceDecisionMetricsResponse> {
    const window = await this.windowOf(query, principal);
    return { asOf: window.asOf.toISOString(), ...(await this.variances.decisions(window)) };
  }

  @Get('adoption-waves')
  @ApiOperation({ summary: 'Adoption burn-up of each opened rollout wave, per week' })
  @ApiOkResponse({ type: AdoptionWavesResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid query; the message names the field' })
  async adoptionWaves(@QueryOf(metricsQuery) query: MetricsQuery, @CurrentPrincipal() principal: Principal): Promise<AdoptionWavesResponse> {
    const window = await this.windowOf(query, principal);
    return { asOf: window.asOf.toISOString(), waves: await this.adoption.waves(window) };
  }

  @Get('compliance-trend')
  @ApiOperation({ summary: 'Compliance per standard and per program at each week end, from the stored compliance intervals' })
  @ApiOkResponse({ type: ComplianceTrendResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid query; the message names the field' })
  async complianceTrend(@QueryOf(metricsQuery) query: MetricsQuery, @CurrentPrincipal() principal: Principal): Promise<ComplianceTrendResponse> {
    const window = await this.windowOf(query, principal);
    return { asOf: window.asOf.toISOString(), ...(await this.compliance.trend(window)) };
  }

  // A program filter narrows what the caller reaches; a program out of reach reads as one with no data.
  private async windowOf(query: MetricsQuery, principal: Principal): Promise<MetricWindow> {
    const reachable = await this.scopes.reachableProgramIds(principal);
    let programIds = reachable ? [...reachable] : null;
    if (query.program !== undefined) programIds = !reachable || reachable.has(query.program) ? [query.program] : [];
    return { asOf: this.clock.now(), weeks: query.weeks ?? METRIC_WEEKS.default, programIds };
  }
}
