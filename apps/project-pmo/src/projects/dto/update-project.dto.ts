import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { PROJECT_PHASES, type ProjectPhase } from '../project-phase';

/** A change of phase, progress or tags; fields left out stay as they are. */
export class UpdateProjectDto {
  @ApiProperty({ enum: PROJECT_PHASES, required: false })
  @IsOptional()
  @IsIn(PROJECT_PHASES)
  phase?: ProjectPhase;

  @ApiProperty({ required: false, minimum: 0, maximum: 100, example: 95 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  percentComplete?: number;

  @ApiProperty({ required: false, type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9][a-z0-9-]{0,49}$/, { each: true, message: 'each value in tags must be lower-case letters, digits and dashes (at most 50)' })
  tags?: string[];

  @ApiProperty({ description: 'Planned start', required: false, format: 'date', example: '2027-01-04' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startDate?: string;

  @ApiProperty({ description: 'Planned end, on or after the start', required: false, format: 'date', example: '2027-12-17' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endDate?: string;
}
