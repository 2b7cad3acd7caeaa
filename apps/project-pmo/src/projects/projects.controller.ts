import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal, InScope } from '@pmo/auth';
import {
  closeProjectBody,
  type CloseProjectBody,
  registerProjectBody,
  type RegisterProjectBody,
  updateProjectBody,
  type UpdateProjectBody,
} from '@pmo/contracts';
import { BodyOf, IdempotencyKey } from '@pmo/http';
import { ProjectRequirementResponse } from './dto/project-requirement.response';
import { ProjectResponse } from './dto/project.response';
import { ProjectScopes } from '../programs/project-scopes';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly scopes: ProjectScopes,
  ) {}

  @Post()
  @Roles('project-manager', 'program-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Register a project in a program' })
  @ApiResponse({ status: HttpStatus.CREATED, type: ProjectResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Role not allowed, or a project manager registering a code outside his groups' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'A project with this code exists' })
  @ApiResponse({
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    description: 'The program is not known (or outside the caller’s scope), or an Idempotency-Key already used for a different request',
  })
  async registerProject(
    @BodyOf(registerProjectBody) body: RegisterProjectBody,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ProjectResponse> {
    return ProjectResponse.of(await this.projects.registerProject(body, principal, idempotencyKey));
  }

  @Patch(':projectId')
  @InScope({ kind: 'project', param: 'projectId' })
  @Roles('project-manager', 'program-manager', 'strategic-admin')
  @ApiOperation({ summary: "Change a project's phase, percent complete or tags" })
  @ApiResponse({ status: HttpStatus.OK, type: ProjectResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The project is closed' })
  async updateProject(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @BodyOf(updateProjectBody) body: UpdateProjectBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectResponse> {
    return ProjectResponse.of(await this.projects.updateProject(projectId, body, principal));
  }

  @Post(':projectId/close')
  @InScope({ kind: 'project', param: 'projectId' })
  @HttpCode(HttpStatus.OK)
  @Roles('project-manager', 'program-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Close a project, with its post-implementation review: from then on no standard binds it' })
  @ApiResponse({ status: HttpStatus.OK, type: ProjectResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Already closed' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: "A lesson names a standard version the project's program does not know" })
  async closeProject(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @BodyOf(closeProjectBody) body: CloseProjectBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectResponse> {
    return ProjectResponse.of(await this.projects.closeProject(projectId, body, principal));
  }

  @Get()
  @ApiOperation({ summary: 'List the projects the caller reaches' })
  @ApiResponse({ status: HttpStatus.OK, type: [ProjectResponse] })
  async listProjects(@CurrentPrincipal() principal: Principal): Promise<ProjectResponse[]> {
    return (await this.scopes.reachableProjects(principal)).map(ProjectResponse.of);
  }

  @Get(':projectId')
  @InScope({ kind: 'project', param: 'projectId' })
  @ApiOperation({ summary: 'Get one project' })
  @ApiResponse({ status: HttpStatus.OK, type: ProjectResponse })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project' })
  async getProject(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<ProjectResponse> {
    return ProjectResponse.of(await this.projects.getProject(projectId));
  }

  @Get(':projectId/requirements')
  @InScope({ kind: 'project', param: 'projectId' })
  @ApiOperation({ summary: 'The requirements that apply to the project now (published, its wave opened)' })
  @ApiResponse({ status: HttpStatus.OK, type: [ProjectRequirementResponse] })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project' })
  requirements(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<ProjectRequirementResponse[]> {
    return this.projects.requirementsOf(projectId);
  }
}
