import { ApiProperty } from '@nestjs/swagger';
import { STANDARD_LEVELS, type Applicability, type Requirement, type StandardLevel } from '@pmo/contracts';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApplicabilityField, RequirementsField } from './version-fields';

export const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

export class CreateVersionDto {
  @ApiProperty({ description: 'Semantic version', example: '1.0.0' })
  @Matches(SEMVER, { message: 'version must be a semantic version such as 1.2.0' })
  version: string;

  @ApiProperty({ enum: STANDARD_LEVELS })
  @IsIn(STANDARD_LEVELS)
  level: StandardLevel;

  @ApiProperty({ description: 'From when it applies', example: '2027-01-01', format: 'date' })
  @IsISO8601({ strict: true })
  effectiveDate: string;

  @ApiProperty({ description: 'By when programs must have adopted it', example: '2027-03-31', format: 'date' })
  @IsISO8601({ strict: true })
  adoptionDeadline: string;

  @ApplicabilityField(true)
  applicability: Applicability;

  @RequirementsField(true)
  requirements: Requirement[];

  @ApiProperty({ description: 'What changed and why', example: 'First version', maxLength: 4000, required: false })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  changeSummary?: string;

  @ApiProperty({
    description: 'Report format: `{ "schema": <JSON Schema 2020-12> }`; tool: `{ "name", "url", "licence", "supportsRequirements" }`. A methodology gets its playbook by PUT …/playbook.',
    required: false,
    type: Object,
  })
  @IsOptional()
  @IsObject()
  body?: Record<string, unknown>;
}
