import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class RiskDto {
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

export class RequestVarianceDto {
  @ApiProperty({ format: 'uuid', description: 'The standard version to deviate from (in force for the program)' })
  @IsUUID()
  versionId: string;

  @ApiProperty({ type: [String], example: ['STATUS-CADENCE'], maxItems: 100 })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,49}$/, { each: true, message: 'each value in requirementIds must be a requirement id such as STATUS-CADENCE' })
  requirementIds: string[];

  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500 })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  projectIds: string[];

  @ApiProperty({ example: 'The regulator requires monthly reporting in its own format', maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  justification: string;

  @ApiProperty({ type: RiskDto })
  @ValidateNested()
  @Type(() => RiskDto)
  risk: RiskDto;

  @ApiProperty({ type: [String], required: false, example: ['Weekly call with the program sponsor'], maxItems: 50 })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  compensatingControls?: string[];

  @ApiProperty({ format: 'date', description: 'When the variance ends; at most 12 months ahead', example: '2027-06-30' })
  @IsISO8601({ strict: true })
  expiresOn: string;
}
