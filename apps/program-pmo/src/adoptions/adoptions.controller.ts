import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, InScope, type Principal, Roles } from '@pmo/auth';
import { complianceCsv, decideAdoptionBody, programComplianceQuery, type DecideAdoptionBody, type ProgramComplianceQuery } from '@pmo/contracts';
import type { Response } from 'express';
import { ApiContent, BodyOf, IdempotencyKey, QueryOf } from '@pmo/http';
import { AdoptionsService } from './adoptions.service';
import { AdoptionDecisionResponse } from './dto/adoption-decision.response';
import { OverdueNoticeResponse } from './dto/overdue-notice.response';
import { ProgramComplianceResponse } from './dto/program-compliance.response';
import type { OverdueNoticeEntity } from './overdue-notice.entity';
import { ProgramComplianceService, type ProgramCompliance } from './program-compliance.service';

@ApiTags('adoption and compliance')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown program' })
@InScope({ kind: 'program', param: 'programId' })
@Controller('programs/:programId')
export class AdoptionsController {
  constructor(
    private readonly adoptions: AdoptionsService,
    private readonly compliance: ProgramComplianceService,
  ) {}

  @Post('adoptions')
  @Roles('program-manager', 'strategic-admin')
  @ApiOperation({
    summary: 'Decide how projects take up a standard version: adopt, tailor (within leeway), grandfather or variance-needed; one project or many',
  })
  @ApiResponse({ status: HttpStatus.CREATED, type: [AdoptionDecisionResponse] })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    description:
      'Outside the leeway (a variance is needed), a project not nearly complete for grandfathering, a version not in force, a project of another program, an Idempotency-Key already used for a different request',
  })
  async decide(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @BodyOf(decideAdoptionBody) body: DecideAdoptionBody,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<AdoptionDecisionResponse[]> {
    return (await this.adoptions.decide(programId, body, principal, idempotencyKey)).map(AdoptionDecisionResponse.of);
  }

  @Get('adoptions')
  @ApiOperation({ summary: "The program's adoption decisions, newest first (the latest per project and version is in force)" })
  @ApiResponse({ status: HttpStatus.OK, type: [AdoptionDecisionResponse] })
  async history(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<AdoptionDecisionResponse[]> {
    return (await this.adoptions.history(programId)).map(AdoptionDecisionResponse.of);
  }

  @Get('overdue-notices')
  @ApiOperation({ summary: 'Projects whose adoption deadline passed without a decision, as announced (adoption.overdue)' })
  @ApiOkResponse({ type: [OverdueNoticeResponse] })
  overdueNotices(@Param('programId', new ParseUUIDPipe()) programId: string): Promise<OverdueNoticeEntity[]> {
    return this.adoptions.overdueNotices(programId);
  }

  @Get('compliance')
  @ApiOperation({ summary: "The program's compliance per project and standard version, with counts per state; as of any date; CSV" })
  @ApiContent(HttpStatus.OK, 'asOf, summary, byStandard and the rows (drill-down); with format=csv the rows as CSV', {
    json: ProgramComplianceResponse,
    text: ['text/csv'],
  })
  async complianceOf(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @QueryOf(programComplianceQuery) query: ProgramComplianceQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProgramCompliance | string> {
    const compliance = await this.compliance.complianceOf(programId, query);
    if (query.format !== 'csv') return compliance;
    response.type('text/csv');
    return complianceCsv(compliance.rows);
  }
}
