import { ApiProperty } from '@nestjs/swagger';
import { MILESTONE_KINDS } from '@pmo/contracts';
import type { ProjectMilestoneEntity } from '../project-milestone.entity';

/** A milestone or go-live of a project's plan. */
export class MilestoneResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ example: 'Ledger go-live' })
  name: string;

  @ApiProperty({ enum: MILESTONE_KINDS })
  kind: string;

  @ApiProperty({ format: 'date', example: '2027-03-31' })
  dueOn: string;

  static of(milestone: ProjectMilestoneEntity): MilestoneResponse {
    return { id: milestone.id, projectId: milestone.projectId, name: milestone.name, kind: milestone.kind, dueOn: milestone.dueOn };
  }
}
