import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Put, Req, Res, StreamableFile, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pmo/auth';
import { exportPlaybookQuery, importPlaybookQuery, raciQuery, type ExportPlaybookQuery, type ImportPlaybookQuery, type RaciQuery } from '@pmo/contracts';
import { ApiContent, QueryOf } from '@pmo/http';
import type { Request, Response } from 'express';
import { zipSync, strToU8 } from 'fflate';
import { StandardVersionResponse } from '../standards/dto/standard-version.response';
import { StandardVersionsService } from '../standards/standard-versions.service';
import type { StandardVersionEntity } from '../standards/standard-version.entity';
import { RaciRowResponse } from './dto/raci-row.response';
import { KeyTaskNotFoundError, NoPlaybookError, PlaybookStructureError, PlaybookSyntaxError } from './methodology.errors';
import type { Playbook } from './playbook';
import { keyTaskLabel } from './playbook-assembly';
import { exportPlaybook, exportPlaybookStream } from './playbook-export';
import { importPlaybook } from './playbook-import';
import { raciCsv, raciOf, type RaciRow } from './raci';

@ApiTags('methodology')
@ApiBearerAuth()
@ApiParam({ name: 'standardId', format: 'uuid' })
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown standard, version or key task' })
@Controller('standards/:standardId/versions/:version/playbook')
export class MethodologyController {
  constructor(private readonly versions: StandardVersionsService) {}

  @Put()
  @Roles('strategic-admin')
  @ApiConsumes('application/yaml', 'text/markdown', 'application/zip', 'application/gzip')
  @ApiBody({
    required: true,
    description: 'The playbook: key-task YAML (one document or a stream), a Markdown key-task file, or a .zip or .tar.gz of such files',
    schema: { type: 'string' },
  })
  @ApiOperation({ summary: "Import a methodology draft's playbook: one key-task file, a YAML stream, or a .zip/.tar.gz of files" })
  @ApiResponse({ status: HttpStatus.OK, type: StandardVersionResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Not valid YAML: file, line and column of every error' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The version is not a draft' })
  @ApiResponse({ status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, description: 'Not a YAML, Markdown or archive body' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'Wrongly shaped key tasks: JSON path of every problem' })
  async importPlaybook(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @Param('version') version: string,
    @QueryOf(importPlaybookQuery) query: ImportPlaybookQuery,
    @Req() request: Request,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StandardVersionResponse> {
    const body: unknown = request.body;
    if (typeof body !== 'string' && !Buffer.isBuffer(body)) {
      throw new UnsupportedMediaTypeException('send the playbook as application/yaml, text/markdown, application/zip or application/gzip');
    }
    const result = importPlaybook([{ name: query.file ?? defaultFileName(request.headers['content-type']), content: body }]);
    if (!result.ok && result.kind === 'syntax') throw new PlaybookSyntaxError(result.errors);
    if (!result.ok) throw new PlaybookStructureError(result.errors);
    return StandardVersionResponse.of(await this.versions.setPlaybook(standardId, version, result.playbook, principal));
  }

  @Get()
  @ApiOperation({ summary: 'Export the playbook in the key-task YAML shape (one stream, or a zip of files)' })
  @ApiContent(HttpStatus.OK, 'The playbook: one YAML stream, or with format=zip a zip of key-task files', {
    text: ['application/yaml'],
    binary: ['application/zip'],
  })
  async exportPlaybook(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @Param('version') version: string,
    @QueryOf(exportPlaybookQuery) query: ExportPlaybookQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | string> {
    const playbook = playbookOf(await this.versions.getVersion(standardId, version));
    if (query.format === 'zip') {
      const files = Object.fromEntries(exportPlaybook(playbook).map((file) => [file.name, strToU8(file.content)]));
      response.setHeader('content-disposition', `attachment; filename="playbook-${version}.zip"`);
      return new StreamableFile(zipSync(files), { type: 'application/zip' });
    }
    response.type('application/yaml');
    return exportPlaybookStream(playbook);
  }

  @Get('key-tasks/:keyTask/raci')
  @ApiParam({ name: 'keyTask', example: '1.2', description: 'phase.keyTask' })
  @ApiOperation({ summary: 'RACI view of a key task: its activities × responsible party, as JSON or CSV' })
  @ApiContent(HttpStatus.OK, 'Rows of activity, customer, provider, shared; with format=csv as CSV', { json: [RaciRowResponse], text: ['text/csv'] })
  async raci(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @Param('version') version: string,
    @Param('keyTask') label: string,
    @QueryOf(raciQuery) query: RaciQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RaciRow[] | string> {
    const playbook = playbookOf(await this.versions.getVersion(standardId, version));
    const keyTask = playbook.phases.flatMap((phase) => phase.keyTasks).find((task) => keyTaskLabel(task) === label);
    if (!keyTask) throw new KeyTaskNotFoundError(label);
    if (query.format === 'csv') {
      response.type('text/csv');
      return raciCsv(keyTask);
    }
    return raciOf(keyTask);
  }
}

function playbookOf(version: StandardVersionEntity): Playbook {
  if (!version.body || !Array.isArray(version.body.phases)) throw new NoPlaybookError(version.version);
  return version.body as unknown as Playbook;
}

function defaultFileName(contentType: string | undefined): string {
  if (contentType?.includes('zip')) return 'playbook.zip';
  if (contentType?.includes('gzip')) return 'playbook.tar.gz';
  if (contentType?.includes('markdown')) return 'playbook.md';
  return 'playbook.yaml';
}
