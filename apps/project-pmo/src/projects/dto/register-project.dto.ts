import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PROJECT_PHASES, type ProjectPhase } from '../project-phase';

export class RegisterProjectDto {
  @ApiProperty({ description: 'The program the project belongs to', format: 'uuid', example: '3f0c8e2a-7d1b-4c55-9a51-0c9f3f5b7e21' })
  @IsUUID()
  programId: string;

  @ApiProperty({ description: 'Name of the project', example: 'General Ledger Cut-over', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    description: 'Short unique key of the project. Its project managers are the members of the Keycloak group `project-<code>`. Defaults to the id.',
    example: 'fsm-ledger',
    required: false,
    pattern: '^[a-z0-9][a-z0-9-]{0,63}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'code must be lower-case letters, digits and dashes (at most 64), starting with a letter or digit' })
  code?: string;

  @ApiProperty({ description: 'Current phase', enum: PROJECT_PHASES, required: false, default: 'initiation' })
  @IsOptional()
  @IsIn(PROJECT_PHASES)
  phase?: ProjectPhase;

  @ApiProperty({ description: 'Tags, e.g. regulated', example: ['regulated'], required: false, type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
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
