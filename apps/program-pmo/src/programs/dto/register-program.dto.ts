import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class RegisterProgramDto {
  @ApiProperty({ description: 'Name of the program', example: 'Financial System Migration', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    description: 'Short unique key of the program. Its program managers are the members of the Keycloak group `program-<code>`. Defaults to the id.',
    example: 'fsm',
    required: false,
    pattern: '^[a-z0-9][a-z0-9-]{0,63}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'code must be lower-case letters, digits and dashes (at most 64), starting with a letter or digit' })
  code?: string;

  @ApiProperty({ description: 'What the program delivers', example: 'Move the agency core financial system to a shared-service provider', required: false, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ description: 'Tags that decide which standards apply, e.g. regulated', example: ['regulated', 'finance'], required: false, type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z0-9][a-z0-9-]{0,49}$/, { each: true, message: 'each value in tags must be lower-case letters, digits and dashes (at most 50)' })
  tags?: string[];
}
