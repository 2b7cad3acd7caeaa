import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { SEMVER } from './create-version.dto';

export class DiffQuery {
  @ApiProperty({ description: 'The older version', example: '1.0.0' })
  @IsString()
  @Matches(SEMVER, { message: 'from must be a semantic version such as 1.0.0' })
  from: string;

  @ApiProperty({ description: 'The newer version', example: '1.1.0' })
  @IsString()
  @Matches(SEMVER, { message: 'to must be a semantic version such as 1.1.0' })
  to: string;
}

export class VersionDiffResponse {
  @ApiProperty({ enum: ['major', 'minor', 'patch', 'none'] })
  classification: string;

  @ApiProperty({ description: 'Each change: kind, area, path, before, after, impact', type: [Object] })
  changes: unknown[];
}
