import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal, InScope } from '@pmo/auth';
import { setImplementationStatusBody, type SetImplementationStatusBody, submitStatusReportBody, type SubmitStatusReportBody } from '@pmo/contracts';
import { BodyOf } from '@pmo/http';
import { ImplementationStatusResponse } from './dto/implementation-status.response';
import { StatusReportResponse } from './dto/status-report.response';
import type { ImplementationStatusEntity } from './implementation-status.entity';
import { ReportsService } from './reports.service';
import type { StatusReportEntity } from './status-report.entity';

@ApiTags('status reports and implementation')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown project' })
@InScope({ kind: 'project', param: 'projectId' })
@Controller('projects/:projectId')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('status-reports')
  @Roles('project-manager', 'program-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Submit a status report in a published report format; it is validated against the format’s JSON Schema' })
  @ApiCreatedResponse({ type: StatusReportResponse, description: 'Stored; status-report.submitted is emitted' })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    description: 'The report does not match its format (every error with its path), or the format is unknown',
  })
  async submit(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @BodyOf(submitStatusReportBody) body: SubmitStatusReportBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StatusReportEntity> {
    return this.reports.submitReport(projectId, body, principal);
  }

  @Get('status-reports')
  @ApiOperation({ summary: "The project's status reports, newest first" })
  @ApiOkResponse({ type: [StatusReportResponse] })
  list(@Param('projectId', new ParseUUIDPipe()) projectId: string): Promise<StatusReportEntity[]> {
    return this.reports.listReports(projectId);
  }

  @Put('requirements/:requirementId/status')
  @Roles('project-manager', 'program-manager', 'strategic-admin')
  @ApiOperation({ summary: 'Set how far a requirement in force is implemented (not-applicable needs a reason), with evidence links' })
  @ApiOkResponse({ type: ImplementationStatusResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'The requirement is not in force for the project' })
  setStatus(
    @Param('projectId', new ParseUUIDPipe()) projectId: string,
    @Param('requirementId') requirementId: string,
    @BodyOf(setImplementationStatusBody) body: SetImplementationStatusBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImplementationStatusEntity> {
    return this.reports.setImplementationStatus(projectId, requirementId, body, principal);
  }
}
