import { Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pmo/auth';
import {
  createVersionBody,
  type CreateVersionBody,
  publishVersionBody,
  type PublishVersionBody,
  retireVersionBody,
  type RetireVersionBody,
  updateVersionBody,
  type UpdateVersionBody,
  validateReportBody,
  type ValidateReportBody,
  versionDiffQuery,
  type VersionDiffQuery,
} from '@pmo/contracts';
import { ApiErrors, BodyOf, QueryOf } from '@pmo/http';
import { StandardVersionResponse } from './dto/standard-version.response';
import { ReportValidationResponse } from './dto/validate-report.dto';
import { VersionDiffResponse } from './dto/version-diff.response';
import { RolloutScheduler } from '../rollouts/rollout-scheduler.service';
import { StandardVersionsService } from './standard-versions.service';
import { PublicationPreviewService } from './publication-preview.service';
import { PublicationPreviewResponse, PublishedVersionResponse } from './dto/publication-preview.response';
import { InvalidVersionBodyError } from './standards.errors';
import { validateReport } from './version-body';

const CONFLICT = { status: HttpStatus.CONFLICT, description: 'Illegal transition: the message names the current state and the allowed ones' };

@ApiTags('standard versions')
@ApiBearerAuth()
@ApiParam({ name: 'standardId', format: 'uuid' })
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.NOT_FOUND, description: 'Unknown standard or version' })
@Controller('standards/:standardId')
export class StandardVersionsController {
  constructor(
    private readonly versions: StandardVersionsService,
    private readonly scheduler: RolloutScheduler,
    private readonly previews: PublicationPreviewService,
  ) {}

  @Post('versions')
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'Draft a new version' })
  @ApiResponse({ status: HttpStatus.CREATED, type: StandardVersionResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; the message names the field' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The version exists' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'The body does not fit the kind' })
  async createDraft(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @BodyOf(createVersionBody) body: CreateVersionBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StandardVersionResponse> {
    return StandardVersionResponse.of(await this.versions.createDraft(standardId, body, principal));
  }

  @Get('versions/:version')
  @ApiOperation({ summary: 'One version' })
  @ApiResponse({ status: HttpStatus.OK, type: StandardVersionResponse })
  async getVersion(@Param('standardId', new ParseUUIDPipe()) standardId: string, @Param('version') version: string): Promise<StandardVersionResponse> {
    return StandardVersionResponse.of(await this.versions.getVersion(standardId, version));
  }

  @Patch('versions/:version')
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'Change a draft (any other state is immutable)' })
  @ApiResponse({ status: HttpStatus.OK, type: StandardVersionResponse })
  @ApiResponse(CONFLICT)
  @ApiErrors(HttpStatus.UNPROCESSABLE_ENTITY)
  async updateDraft(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @Param('version') version: string,
    @BodyOf(updateVersionBody) body: UpdateVersionBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StandardVersionResponse> {
    return StandardVersionResponse.of(await this.versions.updateDraft(standardId, version, body, principal));
  }

  @Delete('versions/:version')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'Delete an abandoned draft (any other state is kept for the record)' })
  @ApiResponse({ status: HttpStatus.NO_CONTENT, description: 'Deleted' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Not a draft, or accepted feedback waits for it as its revision' })
  async deleteDraft(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @Param('version') version: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.versions.deleteDraft(standardId, version, principal);
  }

  @Post('versions/:version/submit')
  @HttpCode(HttpStatus.OK)
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'draft → in-review' })
  @ApiResponse({ status: HttpStatus.OK, type: StandardVersionResponse })
  @ApiResponse(CONFLICT)
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'The body is not ready (e.g. the report schema does not compile)' })
  async submit(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @Param('version') version: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StandardVersionResponse> {
    return StandardVersionResponse.of(await this.versions.submitForReview(standardId, version, principal));
  }

  @Post('versions/:version/return')
  @HttpCode(HttpStatus.OK)
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'in-review → draft, for changes' })
  @ApiResponse({ status: HttpStatus.OK, type: StandardVersionResponse })
  @ApiResponse(CONFLICT)
  async returnToDraft(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @Param('version') version: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StandardVersionResponse> {
    return StandardVersionResponse.of(await this.versions.returnToDraft(standardId, version, principal));
  }

  @Post('versions/:version/publish')
  @HttpCode(HttpStatus.OK)
  @Roles('strategic-admin')
  @ApiOperation({
    summary: 'in-review → published, rolled out in waves; supersedes the published versions with the same applicability, other variants stay in force',
  })
  @ApiResponse({ status: HttpStatus.OK, type: PublishedVersionResponse })
  @ApiResponse(CONFLICT)
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'Unusable rollout plan, or a semver bump smaller than the changes' })
  async publish(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @Param('version') version: string,
    @BodyOf(publishVersionBody) body: PublishVersionBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PublishedVersionResponse> {
    const { version: published, coverage } = await this.versions.publish(standardId, version, body.rollout, principal);
    // Waves that open today open now, not at the scheduler's next round.
    await this.scheduler.openDueWaves();
    return { ...StandardVersionResponse.of(published), coverage };
  }

  @Post('versions/:version/preview')
  @HttpCode(HttpStatus.OK)
  @Roles('strategic-admin', 'strategic-reviewer')
  @ApiOperation({
    summary:
      'What publishing with this rollout would do: programs and projects per wave, uncovered programs, tailorings outside the new leeway, approvals whose ground changes, percent compliant on each opening and deadline',
  })
  @ApiResponse({ status: HttpStatus.OK, type: PublicationPreviewResponse })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'Unusable rollout plan, or a version already published' })
  async preview(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @Param('version') version: string,
    @BodyOf(publishVersionBody) body: PublishVersionBody,
  ): Promise<PublicationPreviewResponse> {
    return (await this.previews.previewOf(standardId, version, body.rollout)) satisfies PublicationPreviewResponse;
  }

  @Post('versions/:version/retire')
  @HttpCode(HttpStatus.OK)
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'published → retired' })
  @ApiResponse({ status: HttpStatus.OK, type: StandardVersionResponse })
  @ApiResponse(CONFLICT)
  async retire(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @Param('version') version: string,
    @BodyOf(retireVersionBody) body: RetireVersionBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StandardVersionResponse> {
    return StandardVersionResponse.of(await this.versions.retire(standardId, version, body.reason, principal));
  }

  @Get('diff')
  @ApiOperation({ summary: 'What changed between two versions, classified major, minor or patch' })
  @ApiResponse({ status: HttpStatus.OK, type: VersionDiffResponse })
  diff(@Param('standardId', new ParseUUIDPipe()) standardId: string, @QueryOf(versionDiffQuery) query: VersionDiffQuery): Promise<VersionDiffResponse> {
    return this.versions.diff(standardId, query.from, query.to);
  }

  @Post('versions/:version/validate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Validate a sample report against a report format version' })
  @ApiResponse({ status: HttpStatus.OK, type: ReportValidationResponse })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'The version is not a report format' })
  async validate(
    @Param('standardId', new ParseUUIDPipe()) standardId: string,
    @Param('version') version: string,
    @BodyOf(validateReportBody) body: ValidateReportBody,
  ): Promise<ReportValidationResponse> {
    const found = await this.versions.getVersion(standardId, version);
    const schema = found.body?.schema;
    if (typeof schema !== 'object' || schema === null) throw new InvalidVersionBodyError(`version ${version} is not a report format with a schema`);
    const errors = validateReport(schema, body.report);
    return { valid: errors.length === 0, errors };
  }
}
