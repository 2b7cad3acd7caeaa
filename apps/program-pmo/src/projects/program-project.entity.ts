import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The program's view of a project, built from `project.registered` events. */
@Entity({ name: 'program_projects' })
export class ProgramProjectEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  phase: string;

  @Column({ type: 'text', array: true })
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
