import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The portfolio's copy of a project, from `project.registered`. Kept apart from its program's row:
 * programs and projects travel on different topics, so a project may arrive before its program.
 */
@Entity({ name: 'portfolio_projects' })
export class PortfolioProjectEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  /** Short unique key of the project, from `project.registered` (its id for events that carried none). */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'initiation' })
  phase: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({
    name: 'percent_complete',
    type: 'numeric',
    precision: 5,
    scale: 2,
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  percentComplete: number;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
