import { ApiProperty } from '@nestjs/swagger';

/** A requirement in force for a project, with the standard version it comes from. */
export class ProjectRequirementResponse {
  @ApiProperty({ example: 'STATUS-CADENCE' })
  requirementId: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: Object, nullable: true, description: 'The leeway the program may choose within' })
  leeway: unknown;

  @ApiProperty({ format: 'uuid' })
  standardId: string;

  @ApiProperty({ example: 'status-reporting' })
  standardKey: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ enum: ['mandatory', 'recommended'] })
  level: string;

  @ApiProperty({ format: 'date' })
  appliesFrom: string;

  @ApiProperty({ format: 'date' })
  adoptionDeadline: string;

  @ApiProperty({ enum: ['not-started', 'in-progress', 'implemented', 'not-applicable'] })
  implementation: string;

  @ApiProperty({ type: [String] })
  evidenceLinks: string[];
}
