import { ApiProperty } from '@nestjs/swagger';
import { STANDARD_KINDS, VERSION_STATES, type StandardKind, type VersionState } from '@pmo/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const STANDARD_SORTS = ['key', '-key', 'title', '-title', 'createdAt', '-createdAt'] as const;
export type StandardSort = (typeof STANDARD_SORTS)[number];

export class ListStandardsQuery {
  @ApiProperty({ enum: STANDARD_KINDS, required: false })
  @IsOptional()
  @IsIn(STANDARD_KINDS)
  kind?: StandardKind;

  @ApiProperty({ enum: VERSION_STATES, required: false, description: 'Standards having a version in this state' })
  @IsOptional()
  @IsIn(VERSION_STATES)
  state?: VersionState;

  @ApiProperty({ required: false, example: 'reporting' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiProperty({ required: false, description: 'Text in the key or title', example: 'status' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiProperty({ enum: STANDARD_SORTS, required: false, default: 'key', description: 'Sort field; a leading - sorts descending' })
  @IsOptional()
  @IsIn(STANDARD_SORTS)
  sort?: StandardSort;

  @ApiProperty({ required: false, description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiProperty({ required: false, default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
