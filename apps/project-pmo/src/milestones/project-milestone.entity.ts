import type { MilestoneKind } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A dated point of a project's plan: a milestone or a go-live. */
@Entity({ name: 'project_milestones' })
export class ProjectMilestoneEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: MilestoneKind;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;
}
