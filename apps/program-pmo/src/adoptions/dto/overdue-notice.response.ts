import { ApiProperty } from '@nestjs/swagger';

/** A project whose adoption deadline passed without a decision, as announced (adoption.overdue). */
export class OverdueNoticeResponse {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ example: 'status-reporting' })
  standardKey: string;

  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ format: 'date' })
  adoptionDeadline: string;

  @ApiProperty({ type: String, format: 'date-time' })
  noticedAt: string;
}
