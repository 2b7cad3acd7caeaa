import { Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, Roles, type Principal } from '@pmo/auth';
import { addMilestoneBody, changeMilestoneBody, type AddMilestoneBody, type ChangeMilestoneBody } from '@pmo/contracts';
import { BodyOf } from '@pmo/http';
import { MilestoneResponse } from './dto/milestone.response';
import { MilestonesService } from './milestones.service';

const PROJECT_ACTORS = ['project-manager', 'program-manager', 'strategic-admin'] as const;

@ApiTags('projects')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@Controller('projects/:projectId/milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get()
  @InScope({ kind: 'project', param: 'projectId' })
  @ApiOperation({ summary: "The milestones and go-lives of the project's plan, by date" })
  @ApiResponse({ status: HttpStatus.OK, type: [MilestoneResponse] })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project' })
  async listMilestones(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<MilestoneResponse[]> {
    return (await this.milestones.milestonesOf(projectId)).map(MilestoneResponse.of);
  }

  @Post()
  @InScope({ kind: 'project', param: 'projectId' })
  @Roles(...PROJECT_ACTORS)
  @ApiOperation({ summary: "Add a milestone or go-live to the project's plan; the portfolio roadmap shows it" })
  @ApiResponse({ status: HttpStatus.CREATED, type: MilestoneResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Role not allowed' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The project is closed, or its plan is full' })
  async addMilestone(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @BodyOf(addMilestoneBody) body: AddMilestoneBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MilestoneResponse> {
    return MilestoneResponse.of(await this.milestones.addMilestone(projectId, body, principal));
  }

  @Patch(':milestoneId')
  @InScope({ kind: 'project', param: 'projectId' })
  @Roles(...PROJECT_ACTORS)
  @ApiOperation({ summary: 'Rename or move a milestone' })
  @ApiResponse({ status: HttpStatus.OK, type: MilestoneResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Role not allowed' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project or milestone' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The project is closed' })
  async changeMilestone(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Param('milestoneId', new ParseUUIDPipe()) milestoneId: string,
    @BodyOf(changeMilestoneBody) body: ChangeMilestoneBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MilestoneResponse> {
    return MilestoneResponse.of(await this.milestones.changeMilestone(projectId, milestoneId, body, principal));
  }

  @Delete(':milestoneId')
  @InScope({ kind: 'project', param: 'projectId' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles(...PROJECT_ACTORS)
  @ApiOperation({ summary: "Remove a milestone from the project's plan" })
  @ApiResponse({ status: HttpStatus.NO_CONTENT, description: 'Removed' })
  @ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Role not allowed' })
  @ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project or milestone' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The project is closed' })
  async removeMilestone(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Param('milestoneId', new ParseUUIDPipe()) milestoneId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.milestones.removeMilestone(projectId, milestoneId, principal);
  }
}
