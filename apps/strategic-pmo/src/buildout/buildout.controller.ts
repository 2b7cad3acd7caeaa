import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type PmoRole, type Principal } from '@pmo/auth';
import {
  MATURITY_LEVELS,
  addOfferingBody,
  offeringStateBody,
  planWaveBody,
  recordAssessmentBody,
  recordFoundationBody,
  type AddOfferingBody,
  type OfferingStateBody,
  type PlanWaveBody,
  type RecordAssessmentBody,
  type RecordFoundationBody,
} from '@pmo/contracts';
import { BodyOf } from '@pmo/http';
import { BuildoutService } from './buildout.service';
import { DeploymentService } from './deployment.service';
import { AssessmentResponse } from './dto/assessment.response';
import { FoundationResponse } from './dto/foundation.response';
import { GapResponse, MaturityTrendResponse } from './dto/gap.response';
import { CatalogueResponse, OfferingResponse } from './dto/offering.response';
import { RoadmapResponse, WaveResponse } from './dto/roadmap.response';

// The build-out is the strategic PMO's own: its admin changes it; its reviewers and the auditors read it.
const READERS: PmoRole[] = ['strategic-admin', 'strategic-reviewer', 'auditor'];
const NO_FOUNDATION = 'The foundation is not recorded yet, or the request breaks a rule of the build-out (the message says which)';

@ApiTags('PMO build-out')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'The role may not do this' })
@Controller('buildout')
export class BuildoutController {
  constructor(
    private readonly buildout: BuildoutService,
    private readonly deployment: DeploymentService,
  ) {}

  @Get('foundation')
  @Roles(...READERS)
  @ApiOperation({ summary: "The PMO's foundation: organisational scope, sponsor, customers, stakeholders and office type" })
  @ApiOkResponse({ type: FoundationResponse })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Not recorded yet' })
  foundation() {
    return this.buildout.foundation();
  }

  @Put('foundation')
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'Records the foundation (first), or changes it' })
  @ApiOkResponse({ type: FoundationResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  recordFoundation(@BodyOf(recordFoundationBody) body: RecordFoundationBody, @CurrentPrincipal() principal: Principal) {
    return this.buildout.recordFoundation(body, principal);
  }

  @Get('assessments')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The assessments of current and future state, oldest first' })
  @ApiOkResponse({ type: [AssessmentResponse] })
  assessments() {
    return this.buildout.assessments();
  }

  @Post('assessments')
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'Records a dated assessment of the current and future state of some elements, each with a maturity level' })
  @ApiCreatedResponse({ type: AssessmentResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'An assessment on that day is already recorded' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: NO_FOUNDATION })
  recordAssessment(@BodyOf(recordAssessmentBody) body: RecordAssessmentBody, @CurrentPrincipal() principal: Principal) {
    return this.buildout.recordAssessment(body, principal);
  }

  @Get('gaps')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The gap analysis: one gap per assessed element, from its latest assessment, with what closes it' })
  @ApiOkResponse({ type: [GapResponse] })
  gaps() {
    return this.deployment.gapAnalysis();
  }

  @Get('maturity-trend')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Maturity per element over the assessments, and the scale it is measured on' })
  @ApiOkResponse({ type: MaturityTrendResponse })
  async trend() {
    return { scale: MATURITY_LEVELS, elements: await this.buildout.trend() };
  }

  @Get('offerings')
  @Roles(...READERS)
  @ApiOperation({ summary: "The catalogue of the PMO's products and services, with the platform's published standards and tools as products" })
  @ApiOkResponse({ type: CatalogueResponse })
  catalogue() {
    return this.deployment.catalogue();
  }

  @Post('offerings')
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'Adds a product or service, linked to the gaps it closes' })
  @ApiCreatedResponse({ type: OfferingResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The name is taken' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: NO_FOUNDATION })
  addOffering(@BodyOf(addOfferingBody) body: AddOfferingBody, @CurrentPrincipal() principal: Principal) {
    return this.deployment.addOffering(body, principal);
  }

  @Put('offerings/:offeringId/state')
  @Roles('strategic-admin')
  @ApiOperation({ summary: "Sets how far a product or service's deployment is (planned, in progress, deployed)" })
  @ApiOkResponse({ type: OfferingResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown product or service' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'It is in no wave yet' })
  setOfferingState(
    @Param('offeringId', new ParseUUIDPipe()) offeringId: string,
    @BodyOf(offeringStateBody) body: OfferingStateBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.deployment.setOfferingState(offeringId, body.state, principal);
  }

  @Get('roadmap')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The deployment roadmap: waves by start date with their progress, what is unplanned, and proposed next waves' })
  @ApiOkResponse({ type: RoadmapResponse })
  roadmap() {
    return this.deployment.roadmap();
  }

  @Post('waves')
  @HttpCode(HttpStatus.CREATED)
  @Roles('strategic-admin')
  @ApiOperation({ summary: "Plans a wave of the roadmap: dates, owner, and the products and services it deploys within the PMO's capacity and pace of change" })
  @ApiCreatedResponse({ type: WaveResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The name is taken' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: NO_FOUNDATION })
  planWave(@BodyOf(planWaveBody) body: PlanWaveBody, @CurrentPrincipal() principal: Principal) {
    return this.deployment.planWave(body, principal);
  }
}
