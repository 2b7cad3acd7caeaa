import { ApiProperty } from '@nestjs/swagger';
import { STANDARD_KINDS, type StandardKind } from '@pmo/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { VariancePolicyDto } from './variance-policy.dto';

export class CreateStandardDto {
  @ApiProperty({ description: 'Stable slug, unique in the catalog', example: 'status-reporting', pattern: '^[a-z0-9][a-z0-9-]{0,79}$' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'key must be lower-case letters, digits and dashes (at most 80)' })
  key: string;

  @ApiProperty({ description: 'Title', example: 'Status reporting', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: 'What the standard is', enum: STANDARD_KINDS })
  @IsIn(STANDARD_KINDS)
  kind: StandardKind;

  @ApiProperty({ description: 'Who in the strategic PMO owns it', example: 'PMO Centre of Excellence', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  owner: string;

  @ApiProperty({ description: 'Tags for finding it', example: ['reporting'], required: false, type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9][a-z0-9-]{0,49}$/, { each: true, message: 'each value in tags must be lower-case letters, digits and dashes (at most 50)' })
  tags?: string[];

  @ApiProperty({ description: 'Variance policy; 12 months and 10 business days unless set', required: false, type: VariancePolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => VariancePolicyDto)
  variancePolicy?: VariancePolicyDto;
}
