import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class ProposedRiskDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 2 })
  @IsInt()
  @Min(1)
  @Max(5)
  likelihood: number;

  @ApiProperty({ minimum: 1, maximum: 5, example: 3 })
  @IsInt()
  @Min(1)
  @Max(5)
  impact: number;
}

/** What a project PMO proposes: the same content as a program's request, for its own project. */
export class ProposeVarianceDto {
  @ApiProperty({ format: 'uuid', description: "The standard version to deviate from (in force for the project's program)" })
  @IsUUID()
  versionId: string;

  @ApiProperty({ type: [String], example: ['STATUS-CADENCE'], maxItems: 100 })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,49}$/, { each: true, message: 'each value in requirementIds must be a requirement id such as STATUS-CADENCE' })
  requirementIds: string[];

  @ApiProperty({ example: 'The regulator requires monthly reporting in its own format', maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  justification: string;

  @ApiProperty({ type: ProposedRiskDto })
  @ValidateNested()
  @Type(() => ProposedRiskDto)
  risk: ProposedRiskDto;

  @ApiProperty({ type: [String], required: false, example: ['Weekly call with the program sponsor'], maxItems: 50 })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(1000, { each: true })
  compensatingControls?: string[];

  @ApiProperty({ format: 'date', description: "When the variance ends: after today; the program checks it against the standard's longest variance when it forwards", example: '2027-06-30' })
  @IsISO8601({ strict: true })
  expiresOn: string;
}
