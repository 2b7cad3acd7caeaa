import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_PHASES } from '@pmo/contracts';
import type { ProjectEntity } from '../project.entity';

export class ProjectResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ example: 'General Ledger Cut-over' })
  name: string;

  @ApiProperty({ example: 'fsm-ledger', description: 'Keycloak group `project-<code>` holds its project managers' })
  code: string;

  @ApiProperty({ enum: PROJECT_PHASES })
  phase: string;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ minimum: 0, maximum: 100, example: 40 })
  percentComplete: number;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  startDate: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  endDate: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;

  static of(project: ProjectEntity): ProjectResponse {
    return {
      id: project.id,
      programId: project.programId,
      code: project.code,
      name: project.name,
      phase: project.phase,
      tags: project.tags,
      percentComplete: project.percentComplete,
      registeredAt: project.registeredAt.toISOString(),
      startDate: project.startDate,
      endDate: project.endDate,
      closedAt: project.closedAt?.toISOString() ?? null,
    };
  }
}
