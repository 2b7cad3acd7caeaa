import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ProjectPhase } from '@pmo/contracts';

@Entity({ name: 'projects' })
export class ProjectEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  phase: ProjectPhase;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  // numeric comes back from pg as a string; the transformer keeps the entity a number.
  @Column({
    name: 'percent_complete',
    type: 'numeric',
    precision: 5,
    scale: 2,
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  percentComplete: number;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason: string | null;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
