import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InScope } from '@pmo/auth';
import { ComplianceRowsPageResponse, ComplianceSummaryResponse, decodeComplianceCursor, type SelectionFilter } from '@pmo/compliance-model';
import { programComplianceFilterQuery, programComplianceRowsQuery, type ProgramComplianceFilterQuery, type ProgramComplianceRowsQuery } from '@pmo/contracts';
import { ApiContent, InvalidCursorError, QueryOf, sendJson, streamChunks } from '@pmo/http';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { ProgramNotFoundError } from '../programs/programs.errors';
import { ProgramComplianceModel } from './program-compliance-model';

/** A program's compliance screen, from the read model: counts in SQL, keyset pages, streamed CSV. */
@ApiTags('adoption and compliance')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown program' })
@ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid filter; the message names the field' })
@InScope({ kind: 'program', param: 'programId' })
@Controller('programs/:programId/compliance')
export class ProgramComplianceViewsController {
  private programExists?: string;

  constructor(
    private readonly model: ProgramComplianceModel,
    private readonly dataSource: DataSource,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: "The program's compliance counts, in all and per standard, now or as of an instant" })
  @ApiResponse({ status: HttpStatus.OK, type: ComplianceSummaryResponse })
  async summary(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @QueryOf(programComplianceFilterQuery) query: ProgramComplianceFilterQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await sendJson(request, response, await this.model.views.summary(await this.filterOf(programId, query)));
  }

  @Get('rows')
  @ApiOperation({ summary: "One page of the program's compliance rows, filtered; `next` is the cursor of the following page" })
  @ApiResponse({ status: HttpStatus.OK, type: ComplianceRowsPageResponse })
  async rows(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @QueryOf(programComplianceRowsQuery) query: ProgramComplianceRowsQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const cursor = query.after === undefined ? null : (decodeComplianceCursor(query.after) ?? null);
    if (query.after !== undefined && cursor === null) throw new InvalidCursorError();
    await sendJson(request, response, await this.model.views.rows(await this.filterOf(programId, query), cursor, query.limit ?? 100));
  }

  @Get('export')
  @ApiOperation({ summary: 'Every filtered compliance row of the program as CSV, streamed' })
  @ApiContent(HttpStatus.OK, 'The rows as RFC 4180 CSV with a header row', { text: ['text/csv'] })
  async export(
    @Param('programId', new ParseUUIDPipe()) programId: string,
    @QueryOf(programComplianceFilterQuery) query: ProgramComplianceFilterQuery,
    @Res() response: Response,
  ): Promise<void> {
    await streamChunks(response, 'text/csv', this.model.views.csv(await this.filterOf(programId, query)));
  }

  private async filterOf(programId: string, query: ProgramComplianceFilterQuery): Promise<SelectionFilter> {
    // One statement, written once: `existsBy` built the same query through TypeORM's query builder per request.
    this.programExists ??= existsStatementOf(this.dataSource);
    const [{ found }] = (await this.dataSource.query(this.programExists, [programId])) as { found: boolean }[];
    if (!found) throw new ProgramNotFoundError(programId);
    return {
      asOf: query.asOf ? new Date(query.asOf) : null,
      reachable: null,
      program: programId,
      standard: query.standard,
      state: query.state,
      tag: query.tag,
      text: query.q,
    };
  }
}

function existsStatementOf(dataSource: DataSource): string {
  const programs = dataSource.getMetadata(ProgramEntity);
  return `SELECT EXISTS (SELECT 1 FROM ${programs.tablePath} WHERE ${programs.primaryColumns[0].databaseName} = $1) AS found`;
}
