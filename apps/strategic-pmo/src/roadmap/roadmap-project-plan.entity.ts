import type { MilestoneKind } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A milestone of a project's plan, as `project.schedule-changed` carried it. */
export interface PlannedMilestone {
  milestoneId: string;
  name: string;
  kind: MilestoneKind;
  dueOn: string;
}

/** The roadmap's copy of a project's plan, replaced whole by each `project.schedule-changed`. */
@Entity({ name: 'roadmap_project_plans' })
export class RoadmapProjectPlanEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'jsonb' })
  milestones: PlannedMilestone[];

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
