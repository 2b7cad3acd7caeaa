import { ApiProperty } from '@nestjs/swagger';
import { IMPLEMENTATION_STATUSES } from '@pmo/contracts';

/** How far the project has implemented one requirement of one standard version (the stored status, as it is answered). */
export class ImplementationStatusResponse {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ example: 'STATUS-CADENCE' })
  requirementId: string;

  @ApiProperty({ enum: IMPLEMENTATION_STATUSES })
  status: string;

  @ApiProperty({ description: 'Why it does not apply; empty when none was given' })
  reason: string;

  @ApiProperty({ type: [String] })
  evidenceLinks: string[];

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}
