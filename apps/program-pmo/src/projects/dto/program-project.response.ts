import { ApiProperty } from '@nestjs/swagger';
import type { ProgramProjectEntity } from '../program-project.entity';

export class ProgramProjectResponse {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ example: 'General Ledger Cut-over' })
  name: string;

  @ApiProperty({ example: 'initiation' })
  phase: string;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ minimum: 0, maximum: 100 })
  percentComplete: number;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;

  static of(project: ProgramProjectEntity): ProgramProjectResponse {
    return {
      projectId: project.projectId,
      programId: project.programId,
      name: project.name,
      phase: project.phase,
      tags: project.tags,
      percentComplete: project.percentComplete,
      registeredAt: project.registeredAt.toISOString(),
      closedAt: project.closedAt?.toISOString() ?? null,
    };
  }
}
