import { ApiProperty } from '@nestjs/swagger';
export class VersionDiffResponse {
  @ApiProperty({ enum: ['major', 'minor', 'patch', 'none'] })
  classification: string;

  @ApiProperty({ description: 'Each change: kind, area, path, before, after, impact', type: [Object] })
  changes: unknown[];
}
