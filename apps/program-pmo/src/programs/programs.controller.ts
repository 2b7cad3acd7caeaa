import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, Roles, type Principal } from '@pmo/auth';
import { GrandfatheringPoliciesService } from '../adoptions/grandfathering-policies.service';
import { ProgramProjectsService } from '../projects/program-projects.service';
import { ProgramProjectResponse } from '../projects/dto/program-project.response';
import { StandardsViewService } from '@pmo/standards-view';
import { DEFAULT_GRANDFATHERING_THRESHOLD_PERCENT, registerProgramBody, type RegisterProgramBody } from '@pmo/contracts';
import { BodyOf, IdempotencyKey } from '@pmo/http';
import { ProgramStandardResponse } from './dto/program-standard.response';
import { ProgramResponse } from './dto/program.response';
import { ProgramScopes } from './program-scopes';
import { ProgramsService } from './programs.service';

@ApiTags('programs')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Controller('programs')
export class ProgramsController {
  constructor(
    private readonly programs: ProgramsService,
    private readonly projects: ProgramProjectsService,
    private readonly standards: StandardsViewService,
    private readonly scopes: ProgramScopes,
    private readonly grandfathering: GrandfatheringPoliciesService,
  ) {}

  @Post()
  @Roles('program-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Register a program' })
  @ApiResponse({ status: HttpStatus.CREATED, type: ProgramResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Role not allowed, or a program manager registering a code outside his groups' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'A program with this name or code exists' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'An Idempotency-Key already used for a different request' })
  async registerProgram(
    @BodyOf(registerProgramBody) body: RegisterProgramBody,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ProgramResponse> {
    return ProgramResponse.of(await this.programs.registerProgram(body, principal, idempotencyKey));
  }

  @Get()
  @ApiOperation({ summary: 'List the programs the caller reaches (all, or those of his groups)' })
  @ApiResponse({ status: HttpStatus.OK, type: [ProgramResponse] })
  async listPrograms(@CurrentPrincipal() principal: Principal): Promise<ProgramResponse[]> {
    return (await this.scopes.reachablePrograms(principal)).map(ProgramResponse.of);
  }

  @Get(':programId')
  @InScope({ kind: 'program', param: 'programId' })
  @ApiOperation({ summary: 'Get one program' })
  @ApiResponse({ status: HttpStatus.OK, type: ProgramResponse })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown program' })
  async getProgram(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<ProgramResponse> {
    return ProgramResponse.of(await this.programs.getProgram(programId));
  }

  @Get(':programId/projects')
  @InScope({ kind: 'program', param: 'programId' })
  @ApiOperation({ summary: "List the program's projects, as registered by project PMOs" })
  @ApiResponse({ status: HttpStatus.OK, type: [ProgramProjectResponse] })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown program' })
  async listProjects(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<ProgramProjectResponse[]> {
    await this.programs.getProgram(programId);
    return (await this.projects.listProjectsOf(programId)).map(ProgramProjectResponse.of);
  }

  @Get(':programId/standards')
  @InScope({ kind: 'program', param: 'programId' })
  @ApiOperation({ summary: "The program's view of each standard: versions that apply, their wave, from when, by when, its grandfathering threshold" })
  @ApiResponse({ status: HttpStatus.OK, type: [ProgramStandardResponse] })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown program' })
  async listStandards(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<ProgramStandardResponse[]> {
    const program = await this.programs.getProgram(programId);
    const views = await this.standards.standardsOf({ programId: program.id, tags: program.tags });
    const thresholds = await this.grandfathering.thresholdsOf([...new Set(views.map((v) => v.standardId))]);
    return views.map((view) => ({ ...view, grandfatheringThresholdPercent: thresholds.get(view.standardId) ?? DEFAULT_GRANDFATHERING_THRESHOLD_PERCENT }));
  }
}
