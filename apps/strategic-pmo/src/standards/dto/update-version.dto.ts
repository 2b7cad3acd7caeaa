import { ApiProperty } from '@nestjs/swagger';
import { STANDARD_LEVELS, type Applicability, type Requirement, type StandardLevel } from '@pmo/contracts';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApplicabilityField, RequirementsField } from './version-fields';

/** A change to a draft; fields left out stay as they are. */
export class UpdateVersionDto {
  @ApiProperty({ enum: STANDARD_LEVELS, required: false })
  @IsOptional()
  @IsIn(STANDARD_LEVELS)
  level?: StandardLevel;

  @ApiProperty({ format: 'date', required: false })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveDate?: string;

  @ApiProperty({ format: 'date', required: false })
  @IsOptional()
  @IsISO8601({ strict: true })
  adoptionDeadline?: string;

  @IsOptional()
  @ApplicabilityField(false)
  applicability?: Applicability;

  @IsOptional()
  @RequirementsField(false)
  requirements?: Requirement[];

  @ApiProperty({ required: false, maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  changeSummary?: string;

  @ApiProperty({ required: false, type: Object, description: 'Kind-specific body, as for creation' })
  @IsOptional()
  @IsObject()
  body?: Record<string, unknown>;
}
